// Placeholder until the post step lands (issue 4).
export async function runPost(): Promise<void> {
  await Promise.resolve();
}
