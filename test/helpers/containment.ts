/** What this host lets a test contain a tree with (root on the development machines; maybe nothing in CI). */
import { TreeGroup } from '../../src/measure/cgroup.js';
import { hostContainment } from '../../src/measure/containment.js';

const host = hostContainment();

/** Whether a tree can get its own cgroup here, and whether that group accounts memory. */
export function cgroupSupport(): { group: boolean; memory: boolean } {
  if (process.platform !== 'linux') return { group: false, memory: false };
  const { places } = host.cgroupPlaces();
  try {
    const group = TreeGroup.create(host.cgroupFs, places);
    const memory = group.memory !== undefined;
    void group.remove(async () => undefined);
    return { group: true, memory };
  } catch {
    return { group: false, memory: false };
  }
}

/** Whether `unshare --user` works here in a way that hides our environment. */
export function userNamespaceSupport(): boolean {
  return host.userNamespace().prefix !== undefined;
}
