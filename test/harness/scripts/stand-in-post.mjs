// A stand-in for dist/post.js: reads what main saved (STATE_<name>) and reports it.
import * as core from '@actions/core';

core.info(`post sees started-at=${core.getState('started-at')} cancelled=${core.getState('cancelled') || 'no'}`);
await core.summary.addRaw(`note=${JSON.stringify(core.getState('note'))}`).write();
