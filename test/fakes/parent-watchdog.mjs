// Preloaded (node --import) into helper processes such as Azurite: exit once the process that
// started us is gone, so a test process that dies without stop() leaves nothing running.
const parent = process.ppid;
const check = () => {
  if (process.ppid !== parent) process.exit(0);
  setTimeout(check, 500).unref();
};
check();
