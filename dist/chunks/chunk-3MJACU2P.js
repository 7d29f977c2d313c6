import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  DEFAULT_STATUS_FILE,
  EventsTail,
  STAGE_EVENTS_ENV,
  SamplesWriter,
  StatusFilePoller,
  outputsOf,
  parseStageSource,
  readMetricsFile,
  round,
  writeOutput
} from "./chunk-JHBIKGU6.js";
import {
  loadProfileFile,
  loadStageTruthFile
} from "./chunk-DIO3Y34K.js";
import {
  profileStem,
  renderProfileYaml,
  renderStageTruthJson,
  repeatStem,
  runFilesOf,
  stageTruthPathFor,
  warmupEventsPath
} from "./chunk-D7UG36OI.js";
import {
  median,
  pushAll
} from "./chunk-LM6Q56WD.js";
import {
  InputFileError,
  UserError,
  errorMessage
} from "./chunk-LDP73T3D.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-Y2US2WXL.js";

// node_modules/pidusage/lib/bin.js
var require_bin = __commonJS({
  "node_modules/pidusage/lib/bin.js"(exports, module) {
    "use strict";
    var spawn2 = __require("child_process").spawn;
    function run2(cmd, args, options, done) {
      if (typeof options === "function") {
        done = options;
        options = void 0;
      }
      let executed = false;
      const ch = spawn2(cmd, args, options);
      let stdout = "";
      let stderr = "";
      ch.stdout.on("data", function(d) {
        stdout += d.toString();
      });
      ch.stderr.on("data", function(d) {
        stderr += d.toString();
      });
      ch.on("error", function(err) {
        if (executed) return;
        executed = true;
        done(new Error(err));
      });
      ch.on("close", function(code, signal) {
        if (executed) return;
        executed = true;
        if (stderr) {
          return done(new Error(stderr));
        }
        done(null, stdout, code);
      });
    }
    module.exports = run2;
  }
});

// node_modules/pidusage/lib/history.js
var require_history = __commonJS({
  "node_modules/pidusage/lib/history.js"(exports, module) {
    "use strict";
    var DEFAULT_MAXAGE = 6e4;
    var expiration = {};
    var history = {};
    var expireListeners = {};
    var size = 0;
    var interval = null;
    function get(pid, maxage) {
      if (maxage <= 0) {
        return;
      }
      if (history[pid] !== void 0) {
        expiration[pid] = Date.now() + (maxage || DEFAULT_MAXAGE);
      }
      return history[pid];
    }
    function set(pid, object, maxage, onExpire) {
      if (object === void 0 || maxage <= 0) return;
      expiration[pid] = Date.now() + (maxage || DEFAULT_MAXAGE);
      if (history[pid] === void 0) {
        size++;
        sheduleInvalidator(maxage);
      }
      history[pid] = object;
      if (onExpire) {
        expireListeners[pid] = onExpire;
      }
    }
    function sheduleInvalidator(maxage) {
      if (size > 0) {
        if (interval === null) {
          interval = setInterval(runInvalidator, (maxage || DEFAULT_MAXAGE) / 2);
          if (typeof interval.unref === "function") {
            interval.unref();
          }
        }
        return;
      }
      if (interval !== null) {
        clearInterval(interval);
        interval = null;
      }
    }
    function runInvalidator() {
      const now = Date.now();
      const pids = Object.keys(expiration);
      for (let i = 0; i < pids.length; i++) {
        const pid = pids[i];
        if (expiration[pid] < now) {
          size--;
          if (expireListeners[pid]) {
            expireListeners[pid](history[pid]);
          }
          delete history[pid];
          delete expiration[pid];
          delete expireListeners[pid];
        }
      }
      sheduleInvalidator();
    }
    function deleteLoop(obj) {
      for (const i in obj) {
        delete obj[i];
      }
    }
    function clear() {
      if (interval !== null) {
        clearInterval(interval);
        interval = null;
      }
      deleteLoop(history);
      deleteLoop(expiration);
      deleteLoop(expireListeners);
    }
    module.exports = {
      get,
      set,
      clear
    };
  }
});

// node_modules/pidusage/lib/ps.js
var require_ps = __commonJS({
  "node_modules/pidusage/lib/ps.js"(exports, module) {
    "use strict";
    var os2 = __require("os");
    var bin = require_bin();
    var history = require_history();
    var PLATFORM = os2.platform();
    function parseTime(timestr, centisec) {
      let time = 0;
      const tpart = timestr.split(/-|:|\./);
      let i = tpart.length - 1;
      if (i >= 0 && centisec && PLATFORM === "darwin") {
        time += parseInt(tpart[i--], 10) * 10;
      }
      if (i >= 0) {
        time += parseInt(tpart[i--], 10) * 1e3;
      }
      if (i >= 0) {
        time += parseInt(tpart[i--], 10) * 6e4;
      }
      if (i >= 0) {
        time += parseInt(tpart[i--], 10) * 36e5;
      }
      if (i >= 0) {
        time += parseInt(tpart[i--], 10) * 864e5;
      }
      return time;
    }
    function ps(pids, options, done) {
      const pArg = pids.join(",");
      let args = ["-o", "etime,pid,ppid,pcpu,rss,time", "-p", pArg];
      if (PLATFORM === "aix" || PLATFORM === "os400") {
        args = ["-o", "etime,pid,ppid,pcpu,rssize,time", "-p", pArg];
      }
      bin("ps", args, function(err, stdout, code) {
        if (err) {
          if (PLATFORM === "os390" && /no matching processes found/.test(err)) {
            err = new Error("No matching pid found");
            err.code = "ENOENT";
          }
          return done(err);
        }
        if (code === 1) {
          const error = new Error("No matching pid found");
          error.code = "ENOENT";
          return done(error);
        }
        if (code !== 0) {
          return done(new Error("pidusage ps command exited with code " + code));
        }
        const date = Date.now();
        stdout = stdout.split(os2.EOL);
        const statistics = {};
        for (let i = 1; i < stdout.length; i++) {
          const line = stdout[i].trim().split(/\s+/);
          if (!line || line.length !== 6) {
            continue;
          }
          const pid = parseInt(line[1], 10);
          let hst = history.get(pid, options.maxage);
          if (hst === void 0) hst = {};
          const ppid = parseInt(line[2], 10);
          const memory = parseInt(line[4], 10) * 1024;
          const etime = parseTime(line[0]);
          const ctime = parseTime(line[5], true);
          const total = ctime - (hst.ctime || 0);
          const seconds = Math.abs(hst.elapsed !== void 0 ? etime - hst.elapsed : etime);
          const cpu = seconds > 0 ? total / seconds * 100 : 0;
          statistics[pid] = {
            cpu,
            memory,
            ppid,
            pid,
            ctime,
            elapsed: etime,
            timestamp: date
          };
          history.set(pid, statistics[pid], options.maxage);
        }
        done(null, statistics);
      });
    }
    module.exports = ps;
  }
});

// node_modules/pidusage/lib/helpers/parallel.js
var require_parallel = __commonJS({
  "node_modules/pidusage/lib/helpers/parallel.js"(exports, module) {
    function parallel(fns, options, done) {
      if (typeof options === "function") {
        done = options;
        options = {};
      }
      let keys;
      if (!Array.isArray(fns)) {
        keys = Object.keys(fns);
      }
      const length = keys ? keys.length : fns.length;
      let pending = length;
      const results = keys ? {} : [];
      function each(i, err, result) {
        results[i] = result;
        if (--pending === 0 || err && !options.graceful) {
          if (options.graceful && err && length > 1) {
            err = null;
          }
          done && done(err, results);
          done = null;
        }
      }
      if (keys) {
        keys.forEach(function(key) {
          fns[key](function(err, res) {
            each(key, err, res);
          });
        });
      } else {
        fns.forEach(function(fn, i) {
          fn(function(err, res) {
            each(i, err, res);
          });
        });
      }
    }
    module.exports = parallel;
  }
});

// node_modules/pidusage/lib/helpers/cpu.js
var require_cpu = __commonJS({
  "node_modules/pidusage/lib/helpers/cpu.js"(exports, module) {
    var os2 = __require("os");
    var fs = __require("fs");
    var exec = __require("child_process").exec;
    var parallel = require_parallel();
    function updateCpu(cpu, next) {
      if (cpu !== null) {
        getRealUptime(function(err, uptime) {
          if (err) return next(err);
          cpu.uptime = uptime;
          next(null, cpu);
        });
        return;
      }
      parallel([
        getClockAndPageSize,
        getRealUptime
      ], function(err, data) {
        if (err) return next(err);
        cpu = {
          clockTick: data[0].clockTick,
          pageSize: data[0].pageSize,
          uptime: data[1]
        };
        next(null, cpu);
      });
    }
    module.exports = updateCpu;
    function getRealUptime(next) {
      fs.readFile("/proc/uptime", "utf8", function(err, uptime) {
        if (err || uptime === void 0) {
          if (!process.env.PIDUSAGE_SILENT) {
            console.warn("[pidusage] We couldn't find uptime from /proc/uptime, using os.uptime() value");
          }
          return next(null, os2.uptime() || /* @__PURE__ */ new Date() / 1e3);
        }
        return next(null, parseFloat(uptime.split(" ")[0]));
      });
    }
    function getClockAndPageSize(next) {
      parallel([
        function getClockTick(cb) {
          getconf("CLK_TCK", { default: 100 }, cb);
        },
        function getPageSize(cb) {
          getconf("PAGESIZE", { default: 4096 }, cb);
        }
      ], function(err, data) {
        if (err) return next(err);
        next(null, { clockTick: data[0], pageSize: data[1] });
      });
    }
    function getconf(keyword, options, next) {
      if (typeof options === "function") {
        next = options;
        options = { default: "" };
      }
      exec("getconf " + keyword, function(error, stdout, stderr) {
        if (error !== null) {
          if (!process.env.PIDUSAGE_SILENT) {
            console.error('Error while calling "getconf ' + keyword + '"', error);
          }
          return next(null, options.default);
        }
        stdout = parseInt(stdout);
        if (!isNaN(stdout)) {
          return next(null, stdout);
        }
        return next(null, options.default);
      });
    }
  }
});

// node_modules/pidusage/lib/procfile.js
var require_procfile = __commonJS({
  "node_modules/pidusage/lib/procfile.js"(exports, module) {
    var fs = __require("fs");
    var path = __require("path");
    var updateCpu = require_cpu();
    var parallel = require_parallel();
    var history = require_history();
    var cpuInfo = null;
    var SIZE = 1024;
    function noop() {
    }
    function open(path2, history2, cb) {
      if (history2.fd) {
        return cb(null, history2.fd);
      }
      fs.open(path2, "r", cb);
    }
    function close(history2) {
      if (history2.fd) {
        fs.close(history2.fd, noop);
      }
    }
    function readUntilEnd(fd, buf, cb) {
      let firstRead = false;
      if (typeof buf === "function") {
        cb = buf;
        buf = Buffer.alloc(SIZE);
        firstRead = true;
      }
      fs.read(fd, buf, 0, SIZE, 0, function(err, bytesRead, buffer) {
        if (err) {
          cb(err);
          return;
        }
        const data = Buffer.concat([buf, buffer], firstRead ? bytesRead : buf.length + bytesRead);
        if (bytesRead === SIZE) {
          readUntilEnd(fd, data, cb);
          return;
        }
        cb(null, buf);
      });
    }
    function readProcFile(pid, options, done) {
      let hst = history.get(pid, options.maxage);
      let again = false;
      if (hst === void 0) {
        again = true;
        hst = {};
      }
      open(path.join("/proc", "" + pid, "stat"), hst, function(err, fd) {
        if (err) {
          if (err.code === "ENOENT") {
            err.message = "No matching pid found";
          }
          return done(err, null);
        }
        if (err) {
          return done(err);
        }
        readUntilEnd(fd, function(err2, buffer) {
          if (err2) {
            return done(err2);
          }
          let infos = buffer.toString("utf8");
          const date = Date.now();
          const index = infos.lastIndexOf(")");
          infos = infos.substr(index + 2).split(" ");
          const stat = {
            ppid: parseInt(infos[1]),
            utime: parseFloat(infos[11]) * 1e3 / cpuInfo.clockTick,
            stime: parseFloat(infos[12]) * 1e3 / cpuInfo.clockTick,
            cutime: parseFloat(infos[13]) * 1e3 / cpuInfo.clockTick,
            cstime: parseFloat(infos[14]) * 1e3 / cpuInfo.clockTick,
            start: parseFloat(infos[19]) * 1e3 / cpuInfo.clockTick,
            rss: parseFloat(infos[21]),
            uptime: cpuInfo.uptime * 1e3,
            fd
          };
          const memory = stat.rss * cpuInfo.pageSize;
          const childrens = options.childrens ? stat.cutime + stat.cstime : 0;
          const total = stat.stime - (hst.stime || 0) + stat.utime - (hst.utime || 0) + childrens;
          const seconds = Math.abs(hst.uptime !== void 0 ? stat.uptime - hst.uptime : stat.start - stat.uptime);
          const cpu = seconds > 0 ? total / seconds * 100 : 0;
          history.set(pid, stat, options.maxage, close);
          if (again) {
            return readProcFile(pid, options, done);
          }
          return done(null, {
            cpu,
            memory,
            ctime: stat.utime + stat.stime,
            elapsed: stat.uptime - stat.start,
            timestamp: date,
            pid,
            ppid: stat.ppid
          });
        });
      });
    }
    function procfile(pids, options, done) {
      updateCpu(cpuInfo, function(err, result) {
        if (err) return done(err);
        cpuInfo = result;
        const fns = {};
        pids.forEach(function(pid, i) {
          fns[pid] = function(cb) {
            readProcFile(pid, options, cb);
          };
        });
        parallel(fns, { graceful: true }, done);
      });
    }
    module.exports = procfile;
  }
});

// node_modules/pidusage/lib/wmic.js
var require_wmic = __commonJS({
  "node_modules/pidusage/lib/wmic.js"(exports, module) {
    "use strict";
    var os2 = __require("os");
    var bin = require_bin();
    var history = require_history();
    function parseDate(datestr) {
      const year = datestr.substring(0, 4);
      const month = datestr.substring(4, 6);
      const day = datestr.substring(6, 8);
      const hour = datestr.substring(8, 10);
      const minutes = datestr.substring(10, 12);
      const seconds = datestr.substring(12, 14);
      const useconds = datestr.substring(15, 21);
      const sign = datestr.substring(21, 22);
      const tmz = parseInt(datestr.substring(22, 25), 10);
      const tmzh = Math.floor(tmz / 60);
      const tmzm = tmz % 60;
      return /* @__PURE__ */ new Date(
        year + "-" + month + "-" + day + "T" + hour + ":" + minutes + ":" + seconds + "." + useconds + sign + (tmzh > 9 ? tmzh : "0" + tmzh) + (tmzm > 9 ? tmzm : "0" + tmzm)
      );
    }
    function wmic(pids, options, done) {
      let whereClause = "ProcessId=" + pids[0];
      for (let i = 1; i < pids.length; i++) {
        whereClause += " or ProcessId=" + pids[i];
      }
      const args = [
        "PROCESS",
        "where",
        '"' + whereClause + '"',
        "get",
        "CreationDate,KernelModeTime,ParentProcessId,ProcessId,UserModeTime,WorkingSetSize"
      ];
      bin("wmic", args, { windowsHide: true, windowsVerbatimArguments: true }, function(err, stdout, code) {
        if (err) {
          if (err.message.indexOf("No Instance(s) Available.") !== -1) {
            const error = new Error("No matching pid found");
            error.code = "ENOENT";
            return done(error);
          }
          return done(err);
        }
        if (code !== 0) {
          return done(new Error("pidusage wmic command exited with code " + code));
        }
        const date = Date.now();
        const uptime = Math.floor(os2.uptime() || date / 1e3);
        stdout = stdout.split(os2.EOL);
        let again = false;
        const statistics = {};
        for (let i = 1; i < stdout.length; i++) {
          const line = stdout[i].trim().split(/\s+/);
          if (!line || line.length !== 6) {
            continue;
          }
          const creation = parseDate(line[0]);
          const ppid = parseInt(line[2], 10);
          const pid = parseInt(line[3], 10);
          const kerneltime = Math.round(parseInt(line[1], 10) / 1e4);
          const usertime = Math.round(parseInt(line[4], 10) / 1e4);
          const memory = parseInt(line[5], 10);
          let hst = history.get(pid, options.maxage);
          if (hst === void 0) {
            again = true;
            hst = { ctime: kerneltime + usertime, uptime };
          }
          const total = (kerneltime + usertime - hst.ctime) / 1e3;
          const seconds = uptime - hst.uptime;
          const cpu = seconds > 0 ? total / seconds * 100 : 0;
          history.set(pid, { ctime: usertime + kerneltime, uptime }, options.maxage);
          statistics[pid] = {
            cpu,
            memory,
            ppid,
            pid,
            ctime: usertime + kerneltime,
            elapsed: date - creation.getTime(),
            timestamp: date
          };
        }
        if (again) {
          return wmic(pids, options, function(err2, stats) {
            if (err2) return done(err2);
            done(null, Object.assign(statistics, stats));
          });
        }
        done(null, statistics);
      });
    }
    module.exports = wmic;
  }
});

// node_modules/pidusage/lib/gwmi.js
var require_gwmi = __commonJS({
  "node_modules/pidusage/lib/gwmi.js"(exports, module) {
    "use strict";
    var os2 = __require("os");
    var bin = require_bin();
    var history = require_history();
    function parseDate(datestr) {
      const year = datestr.substring(0, 4);
      const month = datestr.substring(4, 6);
      const day = datestr.substring(6, 8);
      const hour = datestr.substring(8, 10);
      const minutes = datestr.substring(10, 12);
      const seconds = datestr.substring(12, 14);
      const useconds = datestr.substring(15, 21);
      const sign = datestr.substring(21, 22);
      const tmz = parseInt(datestr.substring(22, 25), 10);
      const tmzh = Math.floor(tmz / 60);
      const tmzm = tmz % 60;
      return /* @__PURE__ */ new Date(
        year + "-" + month + "-" + day + "T" + hour + ":" + minutes + ":" + seconds + "." + useconds + sign + (tmzh > 9 ? tmzh : "0" + tmzh) + (tmzm > 9 ? tmzm : "0" + tmzm)
      );
    }
    function gwmi(pids, options, done) {
      let whereClause = "ProcessId=" + pids[0];
      for (let i = 1; i < pids.length; i++) {
        whereClause += " or ProcessId=" + pids[i];
      }
      const property = "CreationDate,KernelModeTime,ParentProcessId,ProcessId,UserModeTime,WorkingSetSize";
      const command = "gwmi win32_process -Filter '" + whereClause + "' | select " + property + " | format-table";
      bin("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", command], { windowsHide: true }, function(err, stdout, code) {
        if (err) {
          if (err.message.indexOf("No Instance(s) Available.") !== -1) {
            const error = new Error("No matching pid found");
            error.code = "ENOENT";
            return done(error);
          }
          return done(err);
        }
        if (code !== 0) {
          return done(new Error("pidusage gwmi command exited with code " + code));
        }
        const date = Date.now();
        const uptime = Math.floor(os2.uptime() || date / 1e3);
        stdout = stdout.split(os2.EOL).slice(1);
        const index = stdout.findIndex((v) => !!v);
        stdout = stdout.slice(index + 2);
        if (!stdout.length) {
          const error = new Error("No matching pid found");
          error.code = "ENOENT";
          return done(error);
        }
        let again = false;
        const statistics = {};
        for (let i = 0; i < stdout.length; i++) {
          const line = stdout[i].trim().split(/\s+/);
          if (!line || line.length === 1) {
            continue;
          }
          const creation = parseDate(line[0]);
          const ppid = parseInt(line[2], 10);
          const pid = parseInt(line[3], 10);
          const kerneltime = Math.round(parseInt(line[1], 10) / 1e4);
          const usertime = Math.round(parseInt(line[4], 10) / 1e4);
          const memory = parseInt(line[5], 10);
          let hst = history.get(pid, options.maxage);
          if (hst === void 0) {
            again = true;
            hst = { ctime: kerneltime + usertime, uptime };
          }
          const total = (kerneltime + usertime - hst.ctime) / 1e3;
          const seconds = uptime - hst.uptime;
          const cpu = seconds > 0 ? total / seconds * 100 : 0;
          history.set(pid, { ctime: usertime + kerneltime, uptime }, options.maxage);
          statistics[pid] = {
            cpu,
            memory,
            ppid,
            pid,
            ctime: usertime + kerneltime,
            elapsed: date - creation.getTime(),
            timestamp: date
          };
        }
        if (again) {
          return gwmi(pids, options, function(err2, stats) {
            if (err2) return done(err2);
            done(null, Object.assign(statistics, stats));
          });
        }
        done(null, statistics);
      });
    }
    module.exports = gwmi;
  }
});

// node_modules/pidusage/lib/stats.js
var require_stats = __commonJS({
  "node_modules/pidusage/lib/stats.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var os2 = __require("os");
    var path = __require("path");
    var requireMap = {
      ps: () => require_ps(),
      procfile: () => require_procfile(),
      wmic: () => require_wmic(),
      gwmi: () => require_gwmi()
    };
    var platformToMethod = {
      aix: "ps",
      os400: "ps",
      android: "procfile",
      alpine: "procfile",
      darwin: "ps",
      freebsd: "ps",
      os390: "ps",
      linux: "procfile",
      netbsd: "procfile",
      openbsd: "ps",
      sunos: "ps",
      win: "wmic"
    };
    var platform = os2.platform();
    if (fs.existsSync("/etc/alpine-release")) {
      platform = "alpine";
    }
    if (platform.match(/^win/)) {
      platform = "win";
    }
    var stat;
    try {
      stat = requireMap[platformToMethod[platform]]();
    } catch (err) {
    }
    var wmicAvailable;
    function hasWmic() {
      if (wmicAvailable === void 0) {
        wmicAvailable = fs.existsSync(path.join(process.env.SystemRoot || "C:\\Windows", "System32", "wbem", "WMIC.exe"));
      }
      return wmicAvailable;
    }
    function get(pids, options, callback) {
      let fn = stat;
      if (platform !== "win" && options.usePs === true) {
        fn = requireMap.ps();
      }
      if (platform === "win") {
        fn = options.useGwmi === true || !hasWmic() ? requireMap.gwmi() : requireMap.wmic();
      }
      if (fn === void 0) {
        return callback(new Error(os2.platform() + " is not supported yet, please open an issue (https://github.com/soyuka/pidusage)"));
      }
      let single = false;
      if (!Array.isArray(pids)) {
        single = true;
        pids = [pids];
      }
      if (pids.length === 0) {
        return callback(new TypeError("You must provide at least one pid"));
      }
      for (let i = 0; i < pids.length; i++) {
        pids[i] = parseInt(pids[i], 10);
        if (isNaN(pids[i]) || pids[i] < 0) {
          return callback(new TypeError("One of the pids provided is invalid"));
        }
      }
      fn(pids, options, function(err, stats) {
        if (err) {
          return callback(err);
        }
        if (single) {
          callback(null, stats[pids[0]]);
        } else {
          callback(null, stats);
        }
      });
    }
    module.exports = get;
  }
});

// node_modules/pidusage/index.js
var require_pidusage = __commonJS({
  "node_modules/pidusage/index.js"(exports, module) {
    "use strict";
    var stats = require_stats();
    function pidusage2(pids, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = {};
      }
      if (options === void 0) {
        options = {};
      }
      options = Object.assign({
        usePs: /^true$/i.test(process.env.PIDUSAGE_USE_PS),
        maxage: process.env.PIDUSAGE_MAXAGE
      }, options);
      if (typeof callback === "function") {
        stats(pids, options, callback);
        return;
      }
      return new Promise(function(resolve4, reject) {
        stats(pids, options, function(err, data) {
          if (err) return reject(err);
          resolve4(data);
        });
      });
    }
    module.exports = pidusage2;
    module.exports.clear = require_history().clear;
  }
});

// src/measure/containment.ts
import { spawnSync } from "node:child_process";
import { readFileSync as readFileSync2 } from "node:fs";

// src/measure/cgroup.ts
import { randomBytes } from "node:crypto";
import { join } from "node:path";

// src/measure/cgroup-files.ts
function parseProcCgroup(text2) {
  const lines = [];
  for (const line of text2.split("\n")) {
    const first = line.indexOf(":");
    const second = line.indexOf(":", first + 1);
    if (first <= 0 || second < 0) continue;
    const id = Number(line.slice(0, first));
    if (!Number.isInteger(id)) continue;
    const controllers = line.slice(first + 1, second);
    lines.push({ id, controllers: controllers === "" ? [] : controllers.split(","), path: line.slice(second + 1) });
  }
  return lines;
}
function parseCgroupMounts(text2) {
  const mounts = [];
  const unescape = (s) => s.replace(/\\([0-7]{3})/g, (_m, code) => String.fromCharCode(parseInt(code, 8)));
  for (const line of text2.split("\n")) {
    const dash = line.indexOf(" - ");
    if (dash < 0) continue;
    const before = line.slice(0, dash).split(" ");
    const after = line.slice(dash + 3).split(" ");
    const type2 = after[0];
    if (type2 !== "cgroup2" && type2 !== "cgroup") continue;
    const options = (after[2] ?? "").split(",");
    const known = /* @__PURE__ */ new Set(["rw", "ro", "nsdelegate", "memory_recursiveprot", "memory_localevents", "favordynmods", "clone_children", "noprefix", "xattr"]);
    mounts.push({
      type: type2,
      root: unescape(before[3] ?? "/"),
      mountPoint: unescape(before[4] ?? ""),
      controllers: type2 === "cgroup" ? options.filter((o) => !known.has(o) && !o.startsWith("release_agent=") && !o.startsWith("name=")) : []
    });
  }
  return mounts;
}
function parseKeyValues(text2) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text2.split("\n")) {
    const space = line.indexOf(" ");
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) values.set(line.slice(0, space), value);
  }
  return values;
}
function parseSingleNumber(text2) {
  if (text2 === void 0) return void 0;
  const value = Number(text2.trim());
  return text2.trim() !== "" && Number.isFinite(value) ? value : void 0;
}
function parsePids(text2) {
  if (text2 === void 0) return [];
  const pids = [];
  for (const line of text2.split("\n")) {
    if (line === "") continue;
    const pid = Number(line);
    if (Number.isInteger(pid) && pid > 0) pids.push(pid);
  }
  return pids;
}
function memoryFromV2Stat(stat) {
  const anon = stat.get("anon");
  const file = stat.get("file");
  if (anon === void 0 || file === void 0) return void 0;
  const shmem = stat.get("shmem") ?? 0;
  const kernel = stat.get("kernel") ?? (stat.get("kernel_stack") ?? 0) + (stat.get("pagetables") ?? 0) + (stat.get("slab") ?? 0);
  return { anon, shmem, fileCache: Math.max(0, file - shmem), kernel };
}
function memoryFromV1Stat(stat) {
  const anon = stat.get("total_rss") ?? stat.get("rss");
  const cache = stat.get("total_cache") ?? stat.get("cache");
  if (anon === void 0 || cache === void 0) return void 0;
  const shmem = stat.get("total_shmem") ?? stat.get("shmem") ?? 0;
  return { anon, shmem, fileCache: Math.max(0, cache - shmem), kernel: 0 };
}
function cpuSecondsFromV2Stat(stat) {
  const usec = stat.get("usage_usec");
  return usec === void 0 ? void 0 : usec / 1e6;
}

// src/measure/cgroup.ts
function placeOf(fs, mountPoint, mountRoot, path, why, label) {
  if (mountRoot !== "/" && path !== mountRoot && !path.startsWith(`${mountRoot}/`)) {
    why.push(`${label}: our group ${path} is outside the mounted part ${mountRoot}`);
    return void 0;
  }
  const dir = join(mountPoint, mountRoot === "/" ? path : path.slice(mountRoot.length)).replace(/(.)\/$/, "$1");
  if (!fs.exists(dir)) why.push(`${label}: ${dir} not found`);
  else if (!fs.canWrite(dir)) why.push(`${label}: cannot create groups in ${dir} (not delegated to this user)`);
  else if (!fs.canWrite(join(dir, "cgroup.procs"))) why.push(`${label}: cannot move processes out of ${dir} (its cgroup.procs is not writable)`);
  else return dir;
  return void 0;
}
function findCgroupPlaces(fs, procSelfCgroup, mountinfo) {
  const lines = parseProcCgroup(procSelfCgroup);
  const mounts = parseCgroupMounts(mountinfo);
  const why = [];
  const places = {};
  const v2Line = lines.find((l) => l.id === 0);
  const v2Mount = mounts.find((m) => m.type === "cgroup2");
  if (v2Line && v2Mount) {
    const dir = placeOf(fs, v2Mount.mountPoint, v2Mount.root, v2Line.path, why, "cgroup v2");
    if (dir) places.unified = dir;
  } else why.push("cgroup v2: not mounted");
  for (const controller of ["memory", "cpuacct"]) {
    const line = lines.find((l) => l.id !== 0 && l.controllers.includes(controller));
    const mount = mounts.find((m) => m.type === "cgroup" && m.controllers.includes(controller));
    if (!line || !mount) continue;
    if (controller === "cpuacct" && places.unified) continue;
    const dir = placeOf(fs, mount.mountPoint, mount.root, line.path, why, `cgroup v1 ${controller}`);
    if (dir && controller === "memory") places.v1Memory = dir;
    if (dir && controller === "cpuacct") places.v1Cpuacct = dir;
  }
  return { places, why };
}
var groupsMade = 0;
var GROUP_NAME = /^optimization-gate-(\d+)-\d+-[0-9a-f]+$/;
var TreeGroup = class _TreeGroup {
  constructor(fs, places, name, adopt = false) {
    this.fs = fs;
    const make = (parent) => {
      if (parent === void 0) return void 0;
      const dir = join(parent, name);
      if (adopt) return fs.exists(dir) ? (this.dirs.push(dir), dir) : void 0;
      return this.make(dir);
    };
    try {
      this.unifiedDir = make(places.unified);
      if (places.v1Memory !== void 0) this.memoryDir = make(places.v1Memory);
      else if (this.unifiedDir !== void 0 && fs.exists(join(this.unifiedDir, "memory.current"))) this.memoryDir = this.unifiedDir;
      this.cpuDir = this.unifiedDir ?? make(places.v1Cpuacct);
    } catch (error) {
      this.removeNow();
      throw error;
    }
    this.memory = this.memoryDir === void 0 ? void 0 : this.memoryDir === this.unifiedDir ? "v2" : "v1";
    this.cpu = this.cpuDir === void 0 ? void 0 : this.cpuDir === this.unifiedDir ? "v2" : "v1";
    const first = this.dirs[0];
    if (first === void 0) throw new Error("no cgroup hierarchy to create a group in");
    this.membership = join(first, "cgroup.procs");
  }
  fs;
  /** Directories created, in creation order (removed in reverse). */
  dirs = [];
  held = /* @__PURE__ */ new Map();
  peakResets;
  wasReadBefore = false;
  memory;
  cpu;
  membership;
  unifiedDir;
  memoryDir;
  cpuDir;
  /**
   * Groups of ours whose creator is gone (a run killed before it could clean up, e.g. a cancelled job):
   * what they still hold must not outlive that run. `alive(pid)` says whether a creator still runs.
   */
  static stale(fs, places, alive) {
    const names = /* @__PURE__ */ new Set();
    for (const dir of [places.unified, places.v1Memory, places.v1Cpuacct]) {
      if (dir === void 0) continue;
      for (const name of fs.list(dir)) {
        const creator = GROUP_NAME.exec(name)?.[1];
        if (creator !== void 0 && Number(creator) !== process.pid && !alive(Number(creator))) names.add(name);
      }
    }
    return [...names].map((name) => new _TreeGroup(fs, places, name, true));
  }
  /** Creates the group in every usable hierarchy; throws (nothing left behind) when one cannot be made. */
  static create(fs, places, name = `optimization-gate-${process.pid}-${++groupsMade}-${randomBytes(3).toString("hex")}`) {
    return new _TreeGroup(fs, places, name);
  }
  make(dir) {
    this.fs.mkdir(dir);
    this.dirs.push(dir);
    return dir;
  }
  /** What holds the tree, for the report: e.g. `cgroup v1 (memory) + cgroup v2`. */
  describe() {
    const parts = [];
    if (this.memory === "v1") parts.push("cgroup v1 (memory)");
    if (this.unifiedDir) parts.push(this.memory === "v2" ? "cgroup v2 (memory, cpu)" : "cgroup v2 (cpu, no memory controller)");
    if (this.cpu === "v1") parts.push("cgroup v1 (cpuacct)");
    return parts.join(" + ");
  }
  /** The `cgroup.procs` files a new process must be written into, one per hierarchy. */
  procsFiles() {
    return this.dirs.map((dir) => join(dir, "cgroup.procs"));
  }
  /** Moves a process (and so everything it starts afterwards) into the group. Throws when refused. */
  enter(pid) {
    for (const file of this.procsFiles()) this.fs.write(file, String(pid));
  }
  heldFile(path) {
    let file = this.held.get(path);
    if (!file) {
      file = this.fs.hold(path);
      if (file) this.held.set(path, file);
    }
    return file;
  }
  readHeld(dir, name) {
    return dir === void 0 ? void 0 : this.heldFile(join(dir, name))?.read();
  }
  pids() {
    return parsePids(this.heldFile(this.membership)?.read());
  }
  /**
   * Reads the peak first and resets it (so the next reading's peak covers only the interval in
   * between), then the usage and the breakdown, the CPU and the members.
   */
  read() {
    const reading = { peakIsInterval: false, pids: this.pids() };
    if (this.memoryDir !== void 0) {
      const v2 = this.memory === "v2";
      const peakFile = this.heldFile(join(this.memoryDir, v2 ? "memory.peak" : "memory.max_usage_in_bytes"));
      const peak = parseSingleNumber(peakFile?.read());
      if (peak !== void 0) reading.peak = peak;
      if (peakFile && this.peakResets !== false) this.peakResets = peakFile.write(v2 ? "reset\n" : "0\n");
      reading.peakIsInterval = peak !== void 0 && (!this.wasReadBefore || this.peakResets === true);
      const usage = parseSingleNumber(this.readHeld(this.memoryDir, v2 ? "memory.current" : "memory.usage_in_bytes"));
      if (usage !== void 0) reading.usage = usage;
      const statText = this.readHeld(this.memoryDir, "memory.stat");
      const memory = statText === void 0 ? void 0 : (v2 ? memoryFromV2Stat : memoryFromV1Stat)(parseKeyValues(statText));
      if (memory) reading.memory = memory;
    }
    if (this.cpu === "v2") {
      const text2 = this.readHeld(this.cpuDir, "cpu.stat");
      const cpu = text2 === void 0 ? void 0 : cpuSecondsFromV2Stat(parseKeyValues(text2));
      if (cpu !== void 0) reading.cpuSeconds = cpu;
    } else if (this.cpu === "v1") {
      const ns = parseSingleNumber(this.readHeld(this.cpuDir, "cpuacct.usage"));
      if (ns !== void 0) reading.cpuSeconds = ns / 1e9;
    }
    this.wasReadBefore = true;
    return reading;
  }
  /** Whether the kernel let us reset the peak (known after the first reading). */
  peakResettable() {
    return this.peakResets;
  }
  /**
   * Ends every process in the group: `cgroup.kill` where the kernel has it (v2, Linux 5.14+), else
   * SIGKILL to each member until none is left (a member may fork while we kill). Resolves with how
   * many processes were there when we started, and whether the group emptied in time.
   */
  async killAll(signal, wait2, timeoutMs = 3e3) {
    const found = this.pids().length;
    if (found === 0) return { found, emptied: true };
    const killFile = this.unifiedDir !== void 0 ? join(this.unifiedDir, "cgroup.kill") : void 0;
    let viaKillFile = false;
    if (killFile !== void 0 && this.fs.exists(killFile)) {
      try {
        this.fs.write(killFile, "1");
        viaKillFile = true;
      } catch {
      }
    }
    for (let waited = 0; ; waited += 10) {
      const left = this.pids();
      if (left.length === 0) return { found, emptied: true };
      if (waited >= timeoutMs) return { found, emptied: false };
      if (!viaKillFile) for (const pid of left) signal(pid, "SIGKILL");
      await wait2(10);
    }
  }
  /** Sends a signal to every member (a graceful stop before killAll). */
  signalAll(signal, sig) {
    for (const pid of this.pids()) signal(pid, sig);
  }
  removeNow() {
    const problems = [];
    for (const file of this.held.values()) file.close();
    this.held.clear();
    for (const dir of [...this.dirs].reverse()) {
      try {
        this.fs.rmdir(dir);
        this.dirs.splice(this.dirs.indexOf(dir), 1);
      } catch (error) {
        problems.push(`${dir}: ${error.code ?? String(error)}`);
      }
    }
    return problems;
  }
  /** Removes what we created; retries briefly while the kernel still releases the last exited members. */
  async remove(wait2) {
    let problems = this.removeNow();
    for (let attempt = 0; problems.length > 0 && attempt < 20; attempt++) {
      await wait2(25);
      problems = this.removeNow();
    }
    return problems;
  }
};

// src/measure/cgroup-fs.ts
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, writeFileSync, writeSync } from "node:fs";
var HeldCgroupFile = class {
  constructor(fd) {
    this.fd = fd;
  }
  fd;
  buffer = Buffer.allocUnsafe(16384);
  read() {
    if (this.fd === void 0) return void 0;
    try {
      const length = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
      return this.buffer.toString("latin1", 0, length);
    } catch {
      return void 0;
    }
  }
  write(text2) {
    if (this.fd === void 0) return false;
    try {
      writeSync(this.fd, text2, 0);
      return true;
    } catch {
      return false;
    }
  }
  close() {
    if (this.fd !== void 0) closeSync(this.fd);
    this.fd = void 0;
  }
};
var nodeCgroupFs = {
  read(path) {
    try {
      return readFileSync(path, "latin1");
    } catch {
      return void 0;
    }
  },
  write(path, text2) {
    writeFileSync(path, text2);
  },
  mkdir(path) {
    mkdirSync(path);
  },
  rmdir(path) {
    rmdirSync(path);
  },
  exists(path) {
    return existsSync(path);
  },
  canWrite(path) {
    try {
      accessSync(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
  list(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      return [];
    }
  },
  hold(path) {
    for (const flags of ["r+", "r"]) {
      try {
        return new HeldCgroupFile(openSync(path, flags));
      } catch {
      }
    }
    return void 0;
  }
};

// src/measure/command.ts
import { spawn } from "node:child_process";
import { accessSync as accessSync2, constants as constants2, statSync } from "node:fs";
import { delimiter, isAbsolute, join as join2, resolve as resolvePath } from "node:path";
var GATE_SCRIPT = 'read -r _ <&3; exec 3<&-; exec "$@"';
function signalQuietly(target, signal) {
  try {
    process.kill(target, signal);
  } catch {
  }
}
function executable(path) {
  try {
    if (!statSync(path).isFile()) return "not executable";
    accessSync2(path, constants2.X_OK);
    return "ok";
  } catch (error) {
    return error.code === "ENOENT" ? "not found" : "not executable";
  }
}
function checkExecutable(file, cwd, env) {
  let why;
  if (file.includes("/")) why = executable(isAbsolute(file) ? file : resolvePath(cwd, file));
  else {
    const dirs = (env.PATH ?? "").split(delimiter).filter((d) => d !== "");
    const found = dirs.map((d) => executable(resolvePath(cwd, join2(d, file))));
    why = found.includes("ok") ? "ok" : found.includes("not executable") ? "not executable" : "not found";
  }
  if (why !== "ok") throw new UserError(`cannot start the command "${file}": ${why}`, [`working directory: ${cwd}`]);
}
function spawnCommand(spec) {
  const [file, ...args] = spec.argv;
  if (file === void 0 || file === "") return Promise.reject(new UserError("no command to run (give it after --)"));
  const gated = spec.beforeRelease !== void 0;
  const output = spec.output === "inherit" ? "inherit" : "ignore";
  return new Promise((resolve4, reject) => {
    const child = gated ? spawn("sh", ["-c", GATE_SCRIPT, "optimization-gate-launch", file, ...args], { cwd: spec.cwd, env: spec.env, detached: true, stdio: ["ignore", output, output, "pipe"] }) : spawn(file, args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ["ignore", output, output] });
    let resolveExit = () => void 0;
    const exited = new Promise((done) => resolveExit = done);
    let started = false;
    child.once("error", (error) => {
      if (!started) {
        const why = error.code === "ENOENT" ? "not found" : error.code === "EACCES" ? "not executable" : error.message;
        reject(new UserError(`cannot start the command "${file}": ${why}`, [`working directory: ${spec.cwd}`]));
      } else resolveExit({ exitCode: null, signal: null, endedAt: Date.now() / 1e3, spawnError: error.message });
    });
    child.once("exit", (code, signal) => {
      resolveExit({ exitCode: code, signal, endedAt: Date.now() / 1e3 });
    });
    child.once("spawn", () => {
      started = true;
      const pid = child.pid;
      if (gated) {
        const gate = child.stdio[3];
        gate.on("error", () => void 0);
        try {
          spec.beforeRelease?.(pid);
        } catch (error) {
          signalQuietly(-pid, "SIGKILL");
          reject(error instanceof UserError ? error : new UserError(`cannot start the command "${file}": ${errorMessage(error)}`));
          return;
        }
        gate.end("go\n");
      }
      resolve4({
        pid,
        startedAt: Date.now() / 1e3,
        exited,
        // With detached, the child leads its own group: a negative pid addresses the group
        // (Windows has no groups: the root alone is signalled there).
        signalGroup: (signal) => process.platform === "win32" ? child.kill(signal) : signalQuietly(-pid, signal),
        signalProcess: (target, signal) => signalQuietly(target, signal)
      });
    });
  });
}

// src/measure/measured-env.ts
var REMOVED_PREFIXES = ["ACTIONS_", "INPUT_", "STATE_"];
var REMOVED_NAMES = [
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GITHUB_ENTERPRISE_TOKEN",
  "GH_ENTERPRISE_TOKEN",
  // File commands: writing them sets the step's outputs, or the env / PATH of every later step.
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY"
];
function isRemovedVariable(name) {
  const upper = name.toUpperCase();
  return REMOVED_PREFIXES.some((prefix) => upper.startsWith(prefix)) || REMOVED_NAMES.includes(upper);
}
function measuredEnvironment(base) {
  const env = {};
  const removed = [];
  for (const [name, value] of Object.entries(base)) {
    if (value === void 0) continue;
    if (isRemovedVariable(name)) removed.push(name);
    else env[name] = value;
  }
  return { env, removed: removed.sort() };
}

// src/measure/containment.ts
var wait = (ms) => new Promise((done) => setTimeout(done, ms));
function once(compute) {
  let value;
  return () => (value ??= { v: compute() }).v;
}
function probeUserNamespace(run2 = runQuiet) {
  if (process.platform !== "linux") return { why: "not Linux" };
  const ids = `--map-user=${process.getuid?.() ?? 0}`;
  const candidates = [
    ["unshare", "--user", "--map-current-user", "--"],
    ["unshare", "--user", ids, `--map-group=${process.getgid?.() ?? 0}`, "--"]
  ];
  let why = "unshare not found";
  for (const prefix of candidates) {
    const started = run2([...prefix, "true"]);
    if (started.status !== 0) {
      why = started.stderr.trim().split("\n")[0] || `unshare exited ${started.status}`;
      continue;
    }
    const peek = run2([...prefix, "sh", "-c", 'exec cat "/proc/$PPID/environ" >/dev/null 2>&1']);
    if (peek.status === 0) return { why: "a user namespace here does not hide the parent environment" };
    return { prefix };
  }
  return { why: `no user namespace (${why})` };
}
function runQuiet(argv) {
  const [file, ...args] = argv;
  const result = spawnSync(file ?? "true", args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 5e3 });
  return { status: result.error ? null : result.status, stderr: result.error ? result.error.message : result.stderr };
}
function hostContainment() {
  return {
    cgroupFs: nodeCgroupFs,
    cgroupPlaces: once(() => {
      if (process.platform !== "linux") return { places: {}, why: ["cgroups: not Linux"] };
      try {
        return findCgroupPlaces(nodeCgroupFs, readFileSync2("/proc/self/cgroup", "utf8"), readFileSync2("/proc/self/mountinfo", "utf8"));
      } catch (error) {
        return { places: {}, why: [`cgroups: ${errorMessage(error)}`] };
      }
    }),
    userNamespace: once(() => probeUserNamespace()),
    spawn: spawnCommand,
    signal: signalQuietly,
    wait
  };
}
function creatorAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function endStaleTreeGroups(host = defaultHost, alive = creatorAlive) {
  const { places } = host.cgroupPlaces();
  const result = { groups: 0, processes: 0, problems: [] };
  for (const group of TreeGroup.stale(host.cgroupFs, places, alive)) {
    const killed = await group.killAll(
      (pid, sig) => host.signal(pid, sig),
      (ms) => host.wait(ms)
    );
    result.groups++;
    result.processes += killed.found;
    pushAll(result.problems, await group.remove((ms) => host.wait(ms)));
  }
  return result;
}
function containedCommandRunner(host) {
  const signal = (pid, sig) => host.signal(pid, sig);
  const pause = (ms) => host.wait(ms);
  let staleEnded;
  const endStale = async () => {
    const stale = await endStaleTreeGroups(host);
    return stale.processes > 0 ? [`ended ${stale.processes} process(es) still held by the cgroup(s) of an earlier run that was killed`] : [];
  };
  return {
    async start(spec) {
      const mode = spec.containment ?? "auto";
      const { env, removed } = measuredEnvironment(spec.env);
      const notes = [];
      let group;
      if (mode !== "none") {
        const { places, why } = host.cgroupPlaces();
        pushAll(notes, why);
        if (places.unified !== void 0 || places.v1Memory !== void 0 || places.v1Cpuacct !== void 0) {
          pushAll(notes, await (staleEnded ??= endStale()));
          try {
            group = TreeGroup.create(host.cgroupFs, places);
          } catch (error) {
            notes.push(`cgroup: cannot create the tree's group (${errorMessage(error)})`);
          }
        }
      }
      const namespace = mode === "auto" ? host.userNamespace() : {};
      if (namespace.why) notes.push(`user namespace: ${namespace.why}`);
      const prefix = namespace.prefix ?? [];
      const argv = [...prefix, ...spec.argv];
      let running;
      try {
        if (group || prefix.length > 0) checkExecutable(spec.argv[0] ?? "", spec.cwd, env);
        running = await host.spawn({ ...spec, argv, env, ...group ? { beforeRelease: (pid) => group?.enter(pid) } : {} });
      } catch (error) {
        await group?.remove(pause);
        throw error;
      }
      const containment = { mode, cgroup: group?.describe() ?? null, namespace: prefix.length > 0 ? "user" : null, env_removed: removed, notes };
      let finished;
      const end = async () => {
        if (!group) {
          running.signalGroup("SIGKILL");
          return { leftover: null, ended: true, problems: [] };
        }
        const killed = await group.killAll(signal, pause);
        const problems = killed.emptied ? [] : [`processes of the tree were still in its cgroup after SIGKILL: ${group.pids().join(", ")}`];
        pushAll(
          problems,
          (await group.remove(pause)).map((p) => `cannot remove the tree's cgroup ${p}`)
        );
        return { leftover: killed.found, ended: killed.emptied, problems };
      };
      return {
        pid: running.pid,
        startedAt: running.startedAt,
        exited: running.exited,
        signalGroup: (sig) => running.signalGroup(sig),
        signalProcess: (pid, sig) => running.signalProcess(pid, sig),
        containment,
        ...group ? { group } : {},
        signalTree: (sig) => {
          running.signalGroup(sig);
          group?.signalAll(signal, sig);
        },
        finish: () => finished ??= end()
      };
    }
  };
}
var defaultHost = hostContainment();
var processCommandRunner = containedCommandRunner(defaultHost);

// src/measure/freeze.ts
import { rmSync } from "node:fs";
import { basename, resolve as resolve2 } from "node:path";

// src/measure/repeat-median.ts
function medianOf(items, pick, digits) {
  const values = items.map(pick).filter((v) => typeof v === "number" && Number.isFinite(v));
  return values.length === 0 ? 0 : round(median(values), digits);
}
function stageOrder(records) {
  const names = [];
  for (const record of records) for (const name of Object.keys(record)) if (!names.includes(name)) names.push(name);
  return names;
}
function overallStatus(statuses) {
  return statuses.find((s) => s !== "ok") ?? "ok";
}
function medianOfRuns(runs) {
  const first = runs[0];
  if (!first) throw new RangeError("medianOfRuns needs at least one run");
  const completed = runs.filter((r) => r.status === "ok");
  const used = completed.length > 0 ? completed : runs;
  const status = overallStatus(runs.map((r) => r.status));
  const profiles = used.map((r) => r.profile);
  const truths = used.map((r) => r.truth);
  const stages = {};
  for (const name of stageOrder(profiles.map((p) => p.stages))) {
    const wall = median(profiles.map((p) => p.stages[name]?.wall_time_s ?? 0));
    if (wall <= 0) continue;
    const having = profiles.map((p) => p.stages[name]).filter((s) => s !== void 0);
    stages[name] = {
      wall_time_s: round(wall, 4),
      peak_rss_mb: medianOf(having, (s) => s.peak_rss_mb, 1),
      avg_cpu_pct: medianOf(having, (s) => s.avg_cpu_pct, 2),
      // GPU numbers, when the runs have them (gpu-profile.ts).
      ...having.some((s) => typeof s.peak_gpu_mem_mb === "number") ? { peak_gpu_mem_mb: medianOf(having, (s) => s.peak_gpu_mem_mb, 1), avg_gpu_util_pct: medianOf(having, (s) => s.avg_gpu_util_pct, 2) } : {}
    };
  }
  const totalsKeys = Object.keys(first.profile.totals).filter((k) => typeof first.profile.totals[k] === "number");
  const totals = { ...first.profile.totals };
  for (const key of totalsKeys) totals[key] = medianOf(profiles, (p) => p.totals[key], key.endsWith("_s") ? 4 : key.endsWith("_mb") ? 1 : 2);
  totals.sampling_note = `Median of ${used.length} measured run(s) of ${runs.length}. ${first.profile.totals.sampling_note ?? ""}`.trim();
  const runList = runs.map((r) => ({ file: r.file, status: r.status, wall_time_s: r.profile.totals.wall_time_s, peak_rss_mb: r.profile.totals.peak_rss_mb }));
  const profile = {
    ...first.profile,
    stages,
    totals,
    status,
    repeat: runs.length,
    aggregate: "median",
    runs: runList
  };
  if (status === "ok") delete profile.status;
  const walls = {};
  const resource = {};
  for (const name of Object.keys(stages)) {
    walls[name] = round(median(truths.map((t) => t.wall_seconds_by_stage[name] ?? 0)), 4);
    const having = truths.map((t) => t.resource_by_stage_psutil[name]).filter((s) => s !== void 0);
    resource[name] = { peak_rss_mb: medianOf(having, (s) => s.peak_rss_mb, 2), avg_cpu_pct: medianOf(having, (s) => s.avg_cpu_pct, 2) };
  }
  const truth = {
    ...first.truth,
    run_wall_s: medianOf(truths, (t) => t.run_wall_s, 4),
    sum_mapped_stage_wall_s: medianOf(truths, (t) => t.sum_mapped_stage_wall_s, 4),
    parallelism_hint_ratio: truths.some((t) => t.parallelism_hint_ratio !== null) ? medianOf(truths, (t) => t.parallelism_hint_ratio, 4) : null,
    wall_seconds_by_stage: walls,
    resource_by_stage_psutil: resource,
    global_peak_rss_mb_sampled: medianOf(truths, (t) => t.global_peak_rss_mb_sampled, 2),
    samples_count: truths.reduce((n, t) => n + (typeof t.samples_count === "number" ? t.samples_count : 0), 0),
    status,
    exit_code: null,
    signal: null,
    warnings: runs.flatMap((r, i) => Array.isArray(r.truth.warnings) ? r.truth.warnings.map((w) => `run ${i + 1}: ${w}`) : []),
    repeat: runs.length,
    aggregate: "median",
    runs: runList.map((r) => ({ ...r, file: stageTruthPathFor(r.file) }))
  };
  delete truth.samples_file;
  delete truth.events_file;
  for (const key of ["cpu_time_s", "global_peak_rss_sum_mb_sampled"]) truth[key] = medianOf(truths, (t) => t[key], 2);
  return { profile, truth };
}

// src/measure/cgroup-probe.ts
var CgroupTreeProbe = class {
  constructor(group) {
    this.group = group;
  }
  group;
  memoryMetric = "cgroup_anon_shmem";
  previousOther;
  usagePeak = 0;
  treePeakNow = 0;
  treePeakInterval = 0;
  fileCachePeak = 0;
  /** Readings whose interval peak was above the instant (a spike the instant alone would miss). */
  spikes = 0;
  readings = 0;
  read() {
    const reading = this.group.read();
    const memory = reading.memory;
    const treeNow = memory ? memory.anon + memory.shmem : 0;
    const fileCache = memory?.fileCache ?? 0;
    const usage = reading.usage ?? treeNow + fileCache + (memory?.kernel ?? 0);
    const other = Math.max(0, usage - treeNow);
    let treeInterval = treeNow;
    if (reading.peak !== void 0 && reading.peakIsInterval) {
      treeInterval = Math.max(treeNow, reading.peak - Math.max(other, this.previousOther ?? other));
      if (treeInterval > treeNow + 1024 * 1024) this.spikes++;
    }
    this.previousOther = other;
    this.readings++;
    const peak = reading.peak ?? usage;
    this.usagePeak = Math.max(this.usagePeak, peak);
    this.treePeakNow = Math.max(this.treePeakNow, treeNow);
    this.treePeakInterval = Math.max(this.treePeakInterval, treeInterval);
    this.fileCachePeak = Math.max(this.fileCachePeak, fileCache);
    return {
      memoryKb: treeInterval / 1024,
      // Per-process RSS is not read here (that is the point); the tree's resident memory stands in.
      rssKb: (treeNow + fileCache) / 1024,
      cpuSeconds: reading.cpuSeconds ?? 0,
      processes: reading.pids.length,
      kernel: { nowKb: treeNow / 1024, fileCacheKb: fileCache / 1024, usagePeakKb: peak / 1024 }
    };
  }
  members() {
    return this.group.pids().map((pid) => ({ pid, pgid: pid }));
  }
  summary() {
    const mb = (bytes) => Math.round(bytes / 1024 / 1024 * 100) / 100;
    return {
      kernel_usage_peak_mb: mb(this.usagePeak),
      kernel_tree_peak_sampled_mb: mb(this.treePeakNow),
      kernel_tree_peak_interval_mb: mb(this.treePeakInterval),
      kernel_file_cache_peak_mb: mb(this.fileCachePeak),
      kernel_peak_per_interval: this.group.peakResettable() === true ? 1 : 0,
      kernel_intervals_with_spike: this.spikes
    };
  }
  close() {
  }
};

// src/measure/clock.ts
var systemClock = {
  nowEpoch: () => Date.now() / 1e3,
  nowMono: () => performance.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  }
};

// src/measure/environment.ts
import { execFile } from "node:child_process";
import { readFileSync as readFileSync3 } from "node:fs";
import * as os from "node:os";

// src/measure/proc-parse.ts
function parseProcStat(text2) {
  const open = text2.indexOf("(");
  const close = text2.lastIndexOf(")");
  if (open <= 0 || close < open) return void 0;
  const pid = Number(text2.slice(0, open).trim());
  const fields = text2.slice(close + 2).trim().split(" ");
  if (fields.length < 20 || !Number.isInteger(pid)) return void 0;
  const num = (field) => Number(fields[field - 3]);
  const stat = {
    pid,
    comm: text2.slice(open + 1, close),
    state: fields[0] ?? "?",
    flags: num(9),
    minflt: num(10),
    ppid: num(4),
    pgrp: num(5),
    session: num(6),
    utime: num(14),
    stime: num(15),
    cutime: num(16),
    cstime: num(17),
    starttime: num(22),
    rssPages: num(24),
    startcode: num(26),
    exitSignal: fields.length > 35 ? num(38) : 17
  };
  for (const value of [stat.flags, stat.minflt, stat.ppid, stat.pgrp, stat.session, stat.utime, stat.stime, stat.cutime, stat.cstime, stat.starttime, stat.rssPages]) {
    if (!Number.isFinite(value)) return void 0;
  }
  return stat;
}
var PF_EXITING = 4;
function isExiting(stat) {
  return stat.state === "Z" || stat.state === "X" || stat.state === "x" || (stat.flags & PF_EXITING) !== 0;
}
function kbField(text2, name) {
  const at = text2.indexOf(`
${name}:`);
  if (at === -1) return void 0;
  const value = Number.parseInt(text2.slice(at + name.length + 2, text2.indexOf("\n", at + 1)).trim(), 10);
  return Number.isFinite(value) ? value : void 0;
}
function parseSmapsRollup(text2) {
  const rss = kbField(text2, "Rss");
  const pss = kbField(text2, "Pss");
  if (rss === void 0 || pss === void 0) return void 0;
  const anon = kbField(text2, "Anonymous");
  return { pssKb: pss, rssKb: rss, privateKb: (kbField(text2, "Private_Clean") ?? 0) + (kbField(text2, "Private_Dirty") ?? 0), ...anon !== void 0 ? { anonKb: anon } : {} };
}
function parseCpuinfo(text2) {
  const info = {};
  const cores = /* @__PURE__ */ new Set();
  let physicalId = "0";
  for (const line of text2.split("\n")) {
    const sep = line.indexOf(":");
    if (sep === -1) continue;
    const key = line.slice(0, sep).trim();
    const value = line.slice(sep + 1).trim();
    if (key === "model name" && info.model === void 0 && value !== "") info.model = value;
    else if (key === "physical id") physicalId = value;
    else if (key === "core id") cores.add(`${physicalId}:${value}`);
  }
  if (cores.size > 0) info.physicalCores = cores.size;
  return info;
}

// src/measure/environment.ts
function environmentFromFacts(facts) {
  const cpuModel = facts.cpuinfo?.model ?? facts.cpuModelFallback;
  return {
    hostname: facts.hostname,
    cpu: facts.arch,
    ...cpuModel !== void 0 ? { cpu_model: cpuModel } : {},
    cpu_cores_physical: facts.cpuinfo?.physicalCores ?? null,
    cpu_cores_logical: facts.logicalCores,
    ram_total_gb: Math.round(facts.totalMemBytes / 1024 ** 3 * 10) / 10,
    os: `${facts.osType} ${facts.osRelease}`,
    python: facts.pythonVersion,
    node: facts.nodeVersion.replace(/^v/, ""),
    ...facts.git ? { git_sha: facts.git.sha, git_dirty: facts.git.dirty } : {},
    ...facts.runnerName ? { runner_name: facts.runnerName } : {}
  };
}
function run(command, args, cwd) {
  return new Promise((done) => {
    execFile(command, args, { cwd, encoding: "utf8", timeout: 1e4 }, (error, stdout, stderr) => {
      done(error ? void 0 : `${stdout}${stderr}`.trim());
    });
  });
}
async function pythonVersion(cwd) {
  const out = await run("python3", ["--version"], cwd);
  const match = out?.match(/Python\s+(\S+)/);
  return match?.[1] ?? null;
}
async function gitState(cwd) {
  const [sha, status] = await Promise.all([run("git", ["rev-parse", "--short", "HEAD"], cwd), run("git", ["status", "--porcelain", "--untracked-files=no"], cwd)]);
  if (!sha) return void 0;
  return { sha, dirty: status !== void 0 && status !== "" };
}
function readCpuinfo() {
  try {
    return parseCpuinfo(readFileSync3("/proc/cpuinfo", "utf8"));
  } catch {
    return void 0;
  }
}
function hostFacts() {
  const cpus2 = os.cpus();
  const cpuinfo = process.platform === "linux" ? readCpuinfo() : void 0;
  return {
    hostname: os.hostname(),
    arch: os.machine(),
    ...cpuinfo ? { cpuinfo } : {},
    ...cpus2[0]?.model ? { cpuModelFallback: cpus2[0].model.trim() } : {},
    logicalCores: os.availableParallelism(),
    totalMemBytes: os.totalmem(),
    osType: os.type(),
    osRelease: os.release(),
    nodeVersion: process.version,
    pythonVersion: null,
    ...process.env.RUNNER_NAME ? { runnerName: process.env.RUNNER_NAME } : {}
  };
}
var hostEnvironment = {
  host: () => environmentFromFacts(hostFacts()),
  async full(cwd) {
    const [python, git] = await Promise.all([pythonVersion(cwd), gitState(cwd)]);
    return environmentFromFacts({ ...hostFacts(), pythonVersion: python, ...git ? { git } : {} });
  }
};
function sharedEnvironment(probe = hostEnvironment) {
  const collected = /* @__PURE__ */ new Map();
  return {
    host: (cwd) => probe.host(cwd),
    full(cwd) {
      const known = collected.get(cwd) ?? probe.full(cwd);
      collected.set(cwd, known);
      return known;
    }
  };
}

// src/measure/linux-proc.ts
import { closeSync as closeSync2, existsSync as existsSync2, openSync as openSync2, readSync as readSync2, readdirSync as readdirSync2 } from "node:fs";
var USER_HZ = 100;
var LinuxProcReader = class {
  constructor(root = "/proc") {
    this.root = root;
    this.pageSizeKb = this.measurePageSizeKb();
  }
  root;
  ticksPerSecond = USER_HZ;
  pageSizeKb;
  buffer = Buffer.allocUnsafe(8192);
  held = /* @__PURE__ */ new Map();
  heldStatm = /* @__PURE__ */ new Map();
  loadavgFd;
  /** VmRSS (kB) over statm's resident pages, rounded to a power of two: the page size without spawning getconf. */
  measurePageSizeKb() {
    const status = this.readSmall(`${this.root}/self/status`);
    const statm = this.readSmall(`${this.root}/self/statm`);
    const rssKb = Number(status?.match(/\nVmRSS:\s+(\d+) kB/)?.[1]);
    const pages = Number(statm?.split(" ")[1]);
    if (!(rssKb > 0 && pages > 0)) return 4;
    return 2 ** Math.round(Math.log2(rssKb / pages));
  }
  readFd(fd) {
    try {
      const length = readSync2(fd, this.buffer, 0, this.buffer.length, 0);
      return length > 0 ? this.buffer.toString("latin1", 0, length) : void 0;
    } catch {
      return void 0;
    }
  }
  readSmall(path) {
    let fd;
    try {
      fd = openSync2(path, "r");
      return this.readFd(fd);
    } catch {
      return void 0;
    } finally {
      if (fd !== void 0) closeSync2(fd);
    }
  }
  listPids() {
    const pids = [];
    for (const name of readdirSync2(this.root)) {
      const code = name.charCodeAt(0);
      if (code >= 48 && code <= 57) pids.push(Number(name));
    }
    return pids;
  }
  /** Reads /proc/<pid>/<name>, through a file kept open in `held` when `hold` (closed once it fails). */
  readMaybeHeld(pid, name, held, hold) {
    if (!hold) return this.readSmall(`${this.root}/${pid}/${name}`);
    let fd = held.get(pid);
    if (fd === void 0) {
      try {
        fd = openSync2(`${this.root}/${pid}/${name}`, "r");
      } catch {
        return void 0;
      }
      held.set(pid, fd);
    }
    const text2 = this.readFd(fd);
    if (text2 === void 0) {
      held.delete(pid);
      closeSync2(fd);
    }
    return text2;
  }
  readStat(pid, hold = false) {
    const text2 = this.readMaybeHeld(pid, "stat", this.held, hold);
    return text2 === void 0 ? void 0 : parseProcStat(text2);
  }
  release(pid) {
    for (const held of [this.held, this.heldStatm]) {
      const fd = held.get(pid);
      if (fd === void 0) continue;
      held.delete(pid);
      closeSync2(fd);
    }
  }
  readMemory(pid) {
    const text2 = this.readSmall(`${this.root}/${pid}/smaps_rollup`);
    return text2 === void 0 ? void 0 : parseSmapsRollup(text2);
  }
  readStatm(pid, hold = false) {
    const fields = this.readMaybeHeld(pid, "statm", this.heldStatm, hold)?.split(" ");
    const resident = Number(fields?.[1]);
    const shared = Number(fields?.[2]);
    return Number.isFinite(resident) && Number.isFinite(shared) ? { residentKb: resident * this.pageSizeKb, sharedKb: shared * this.pageSizeKb } : void 0;
  }
  lastPid() {
    try {
      this.loadavgFd ??= openSync2(`${this.root}/loadavg`, "r");
    } catch {
      return void 0;
    }
    const text2 = this.readFd(this.loadavgFd);
    const last = Number(text2?.trim().split(" ").pop());
    return Number.isInteger(last) ? last : void 0;
  }
  readSelfChildrenTicks() {
    const stat = this.readStat(process.pid);
    return stat ? stat.cutime + stat.cstime : void 0;
  }
  /** Closes every held file (the reader stays usable). */
  close() {
    for (const pid of [...this.held.keys(), ...this.heldStatm.keys()]) this.release(pid);
    if (this.loadavgFd !== void 0) closeSync2(this.loadavgFd);
    this.loadavgFd = void 0;
  }
};
function procPssAvailable(root = "/proc") {
  return process.platform === "linux" && existsSync2(`${root}/self/smaps_rollup`);
}

// src/measure/linux-tree.ts
import { availableParallelism as availableParallelism2 } from "node:os";

// src/measure/cpu-accounting.ts
var TreeCpuAccount = class {
  constructor(rootPid, options = {}) {
    this.rootPid = rootPid;
    this.reapedKnown = options.reapedKnown ?? true;
  }
  rootPid;
  live = /* @__PURE__ */ new Map();
  departedTicks = 0;
  reapedKnown;
  total(member) {
    return member.ownTicks + (this.reapedKnown ? member.reapedTicks : 0);
  }
  /**
   * Takes the members alive now and returns the tree's cumulative CPU ticks.
   * `rootFinalTicks`, when given, is the root's full total once it has been reaped by us.
   */
  update(members, rootFinalTicks) {
    const next = /* @__PURE__ */ new Map();
    for (const member of members) next.set(member.pid, member);
    for (const [pid, previous] of this.live) {
      const now = next.get(pid);
      if (now && now.starttime === previous.starttime) continue;
      const parent = this.live.get(previous.ppid);
      const reapedInside = this.reapedKnown && parent !== void 0 && previous.pid !== this.rootPid;
      if (reapedInside) continue;
      let ticks = this.total(previous);
      if (pid === this.rootPid && rootFinalTicks !== void 0 && rootFinalTicks > ticks) ticks = rootFinalTicks;
      this.departedTicks += ticks;
    }
    this.live = next;
    let sum = this.departedTicks;
    for (const member of next.values()) sum += this.total(member);
    return sum;
  }
  /** Whether the root was alive at the last update. */
  rootAlive() {
    return this.live.has(this.rootPid);
  }
  /** The root's last-seen total (own + reaped), if it was ever seen alive. */
  lastSeenRootTicks() {
    const root = this.live.get(this.rootPid);
    return root ? this.total(root) : void 0;
  }
};

// src/measure/pss-estimator.ts
var TreePssEstimator = class {
  constructor(readMemory, options) {
    this.readMemory = readMemory;
    this.options = options;
    this.exact = options.budgetPctOfCore >= 100;
    this.budgetMsPerS = { regular: options.budgetPctOfCore * 10, unsafe: (options.unsafeBudgetPctOfCore ?? 5) * 10 };
    this.tokensMs = { regular: 2 * this.budgetMsPerS.regular, unsafe: 2 * this.budgetMsPerS.unsafe };
  }
  readMemory;
  options;
  base = 0;
  anchors = /* @__PURE__ */ new Map();
  tokensMs;
  lastT;
  lastSnapshotT;
  lastEstimateKb = 0;
  /**
   * What a rollup costs: a fixed part per process (opening, the VMA list) and a part per KiB of RSS
   * (the kernel walks the page tables), learnt from the reads — a hundred small workers cost more
   * than their RSS suggests.
   */
  msPerKb = 3 / (256 * 1024);
  msPerRead = 0.1;
  /** Full snapshots and single reads taken, and the time they took, for the record. */
  snapshots = 0;
  /** Snapshots taken out of turn because the estimate was unsafe (copy-on-write, shared pages). */
  unsafeSnapshots = 0;
  discarded = 0;
  reads = 0;
  readMs = 0;
  exact;
  budgetMsPerS;
  timedRead(pid, bucket) {
    const start = this.options.cpuMs();
    const rollup = this.readMemory(pid);
    const cost = this.options.cpuMs() - start;
    this.tokensMs[bucket] -= cost;
    this.reads++;
    this.readMs += cost;
    if (rollup && rollup.rssKb >= 64 * 1024) this.msPerKb = 0.7 * this.msPerKb + 0.3 * (Math.max(0, cost - this.msPerRead) / rollup.rssKb);
    else if (rollup && rollup.rssKb < 16 * 1024) this.msPerRead = 0.7 * this.msPerRead + 0.3 * cost;
    return rollup;
  }
  /** The expected cost of reading every member now: proportional to their RSS. */
  snapshotCostMs(members) {
    let rssKb = 0;
    for (const m of members) rssKb += m.rssKb;
    return members.length * this.msPerRead + rssKb * this.msPerKb;
  }
  anchorOf(m, t, rollup, privateKb) {
    const anonKb = rollup?.anonKb ?? m.anonKb;
    const rssKb = rollup?.rssKb ?? m.rssKb;
    return { starttime: m.starttime, image: m.image, anonKb, sharedKb: Math.max(0, rssKb - anonKb), rssKb, privateKb, lastRssKb: m.rssKb, anchoredAt: t, minflt: m.minflt };
  }
  /**
   * Reads every member: exact, if the tree held still while we read. A member that exits mid-read
   * hands its share of shared pages to the members read after it, which then count them again (a
   * 40 % overshoot was seen); likewise members that start or stop mapping shared pages while we read
   * change everyone's share of them between two readings (+26 % seen with 4 workers mapping 512 MiB).
   * So the snapshot is kept only if every member is still intact after it and the shared RSS held
   * still. Members that cannot be read (gone, not ours) count at their RSS.
   */
  snapshot(members, t, bucket) {
    let base = 0;
    const anchors = /* @__PURE__ */ new Map();
    for (const m of members) {
      const rollup = this.timedRead(m.pid, bucket);
      base += rollup ? rollup.pssKb : m.rssKb;
      anchors.set(m.pid, this.anchorOf(m, t, rollup, rollup ? rollup.privateKb : m.rssKb));
    }
    if (this.lastSnapshotT !== void 0 && members.length > 1 && this.torn(members, base)) {
      this.discarded++;
      return false;
    }
    this.base = base;
    this.anchors.clear();
    for (const [pid, anchor] of anchors) this.anchors.set(pid, anchor);
    this.lastSnapshotT = t;
    this.snapshots++;
    return true;
  }
  /**
   * Whether a snapshot must be thrown away: members exited, or mapped or unmapped shared pages, while
   * we read — the members read before and after saw different numbers of mappers, so shared pages
   * may have been counted twice (or not at all). The error is at most the pages that moved divided
   * among the rest of the member's fork family (100 churning workers of one parent: a hundredth of a
   * worker each; a parent and one worker: all of it), so small moves do not cost the whole reading.
   */
  torn(members, baseKb) {
    const family = /* @__PURE__ */ new Map();
    for (const m of members) family.set(m.image, (family.get(m.image) ?? 0) + 1);
    let errorKb = 0;
    for (const m of members) {
      const now = this.options.recheck(m.pid);
      const movedKb = !now.intact ? m.rssKb : now.sharedKb !== void 0 ? Math.abs(now.sharedKb - m.sharedKb) : 0;
      errorKb += movedKb / Math.max(1, (family.get(m.image) ?? 1) - 1);
    }
    return errorKb > Math.max(2048, 0.01 * baseKb);
  }
  update(members, t) {
    const expectedCost = this.snapshotCostMs(members);
    if (this.lastT !== void 0) {
      for (const bucket of ["regular", "unsafe"]) {
        const cap = Math.max(2 * this.budgetMsPerS[bucket], expectedCost);
        this.tokensMs[bucket] = Math.min(cap, this.tokensMs[bucket] + (t - this.lastT) * this.budgetMsPerS[bucket]);
      }
    }
    this.lastT = t;
    const due = this.exact || this.lastSnapshotT === void 0 || this.tokensMs.regular >= expectedCost;
    const unsafe = !due && this.tokensMs.unsafe >= 0 && this.unsafeKb(members) > this.unsafeThresholdKb();
    if ((due || unsafe) && this.snapshot(members, t, due ? "regular" : "unsafe")) {
      if (!due) this.unsafeSnapshots++;
      this.lastEstimateKb = this.base;
      return { memoryKb: this.base, snapshotAgeS: 0, pending: 0, unverifiedKb: 0 };
    }
    const alive = new Map(members.map((m) => [m.pid, m]));
    for (const [pid, anchor] of this.anchors) {
      const now = alive.get(pid);
      if (now && now.starttime === anchor.starttime && now.image === anchor.image) continue;
      this.base -= anchor.privateKb;
      this.anchors.delete(pid);
    }
    let memoryKb = 0;
    let pending = 0;
    let pendingKb = 0;
    for (const m of members) {
      let anchor = this.anchors.get(m.pid);
      if (!anchor) {
        anchor = this.anchorNew(m, alive, t);
        if (anchor) this.anchors.set(m.pid, anchor);
      }
      if (anchor) memoryKb += m.anonKb - anchor.anonKb;
      else {
        memoryKb += m.rssKb;
        pending++;
        pendingKb += m.rssKb;
      }
    }
    for (const m of members) {
      const anchor = this.anchors.get(m.pid);
      if (anchor) anchor.lastRssKb = m.rssKb;
    }
    this.lastEstimateKb = Math.max(0, this.base + memoryKb);
    return { memoryKb: this.lastEstimateKb, snapshotAgeS: t - (this.lastSnapshotT ?? t), pending, unverifiedKb: this.unsafeKb(members) + pendingKb };
  }
  unsafeThresholdKb() {
    return Math.max(16 * 1024, 0.02 * this.lastEstimateKb);
  }
  /**
   * What the carried-forward estimate cannot place, summed over the members since their anchors:
   * minor faults that RSS growth does not explain (copy-on-write breaks, mostly) and changes of
   * shared RSS (pages that may or may not be mapped by another member already).
   */
  unsafeKb(members) {
    let kb = 0;
    const byPid = new Map(members.map((m) => [m.pid, m]));
    for (const m of members) {
      const anchor = this.anchors.get(m.pid);
      if (!anchor || anchor.starttime !== m.starttime || anchor.image !== m.image) continue;
      kb += Math.max(0, (m.minflt - anchor.minflt) * this.options.pageSizeKb - Math.max(0, m.rssKb - anchor.rssKb));
      const parent = m.parentPid !== null ? byPid.get(m.parentPid) : void 0;
      const inherited = parent && parent.image === m.image ? parent.sharedKb : 0;
      kb += m.sharedKb >= anchor.sharedKb ? Math.max(0, m.sharedKb - Math.max(anchor.sharedKb, inherited)) : anchor.sharedKb - m.sharedKb;
      kb += anchor.uncertainKb ?? 0;
    }
    return kb;
  }
  /**
   * First sight of a member. What it adds depends on whether its parent's pages are already counted
   * in full: they are when the parent is a member anchored before this update (its reading predates
   * the fork); then the child adds only its own pages. Otherwise (no parent in the tree, or a parent
   * first read at this update, after the fork had already split the shared pages) it adds its PSS.
   */
  anchorNew(m, alive, t) {
    const parent = m.parentPid !== null ? alive.get(m.parentPid) : void 0;
    const parentAnchor = m.parentPid !== null ? this.anchors.get(m.parentPid) : void 0;
    const parentCounted = parent !== void 0 && parentAnchor !== void 0 && parentAnchor.anchoredAt < t;
    const forkCopy = parentCounted && parent.image === m.image;
    const parentMovedKb = forkCopy ? Math.abs(parent.rssKb - parentAnchor.lastRssKb) : 0;
    const asFork = (uncertainKb) => {
      const added = Math.min(m.anonKb, Math.max(0, m.anonKb - (parent?.anonKb ?? 0)));
      return {
        starttime: m.starttime,
        image: m.image,
        anonKb: m.anonKb - added,
        sharedKb: m.sharedKb,
        rssKb: m.rssKb,
        privateKb: 0,
        lastRssKb: m.rssKb,
        anchoredAt: t,
        minflt: m.minflt,
        ...uncertainKb > 0 ? { uncertainKb } : {}
      };
    };
    if (forkCopy && parentMovedKb <= 1024) return asFork(0);
    const bucket = this.tokensMs.regular > -this.maxDebtMs() ? "regular" : this.tokensMs.unsafe >= this.msPerRead + m.rssKb * this.msPerKb ? "unsafe" : void 0;
    if (bucket === void 0) return forkCopy ? asFork(parentMovedKb) : void 0;
    const rollup = this.timedRead(m.pid, bucket);
    if (!rollup) return void 0;
    this.base += parentCounted ? rollup.privateKb : rollup.pssKb;
    return this.anchorOf(m, t, rollup, rollup.privateKb);
  }
  /** How far first readings of new members may run ahead of the budget (they keep the total honest). */
  maxDebtMs() {
    return Math.max(10, 5 * this.budgetMsPerS.regular);
  }
};

// src/measure/tree-members.ts
var MAX_PROBED = 2048;
var SessionTreeMembers = class {
  constructor(reader, rootPid) {
    this.reader = reader;
    this.rootPid = rootPid;
    const root = reader.readStat(rootPid);
    this.rootSession = root && root.session === rootPid ? rootPid : void 0;
  }
  reader;
  rootPid;
  members_ = /* @__PURE__ */ new Map();
  /** Pids read and found not to be members, until they leave a listing (listing path only). */
  outsiders = /* @__PURE__ */ new Set();
  /** The root's session when the root leads its own session; else membership goes by parentage only. */
  rootSession;
  lastSeenPid;
  listedOnce = false;
  /** For the record: full listings and single pids probed. */
  listings = 0;
  probed = 0;
  isMemberStat(stat, known) {
    return stat.pid === this.rootPid || this.rootSession !== void 0 && stat.session === this.rootSession || known.has(stat.ppid);
  }
  /** Pids created since the last look, or undefined when /proc must be listed. */
  newPids(lastPid) {
    const previous = this.lastSeenPid;
    if (!this.listedOnce || lastPid === void 0 || previous === void 0) return void 0;
    if (lastPid === previous) return [];
    if (lastPid < previous || lastPid - previous > MAX_PROBED) return void 0;
    const pids = [];
    for (let pid = previous + 1; pid <= lastPid; pid++) pids.push(pid);
    return pids;
  }
  /** Current members with their fresh stat; updates membership. */
  scan() {
    const lastPid = this.reader.lastPid();
    const probe = this.newPids(lastPid);
    this.lastSeenPid = lastPid;
    const alive = /* @__PURE__ */ new Map();
    const candidates = /* @__PURE__ */ new Map();
    for (const [pid, member] of this.members_) {
      const stat = this.reader.readStat(pid, true);
      if (stat && stat.starttime === member.starttime) {
        alive.set(pid, stat);
        member.pgid = stat.pgrp;
      } else {
        this.members_.delete(pid);
        this.reader.release(pid);
      }
    }
    if (probe) {
      this.probed += probe.length;
      for (const pid of probe) {
        if (alive.has(pid)) continue;
        const stat = this.reader.readStat(pid);
        if (stat && stat.exitSignal !== -1) candidates.set(pid, stat);
      }
    } else {
      this.listings++;
      const pids = this.reader.listPids();
      const listed = new Set(pids);
      for (const pid of this.outsiders) if (!listed.has(pid)) this.outsiders.delete(pid);
      const first = !this.listedOnce;
      const wrapped = lastPid !== void 0 && lastPid < this.rootPid;
      this.listedOnce = true;
      for (const pid of pids) {
        if (alive.has(pid) || this.outsiders.has(pid)) continue;
        if (first && !wrapped && pid < this.rootPid) {
          this.outsiders.add(pid);
          continue;
        }
        const stat = this.reader.readStat(pid);
        if (stat) candidates.set(pid, stat);
      }
    }
    let pending = [...candidates.values()];
    let changed = true;
    while (changed && pending.length > 0) {
      changed = false;
      const undecided = [];
      for (const stat of pending) {
        if (this.isMemberStat(stat, alive)) {
          alive.set(stat.pid, stat);
          changed = true;
        } else undecided.push(stat);
      }
      pending = undecided;
    }
    if (!probe) for (const stat of pending) this.outsiders.add(stat.pid);
    for (const stat of alive.values()) {
      if (!this.members_.has(stat.pid)) this.members_.set(stat.pid, { starttime: stat.starttime, pgid: stat.pgrp });
    }
    return [...alive.values()];
  }
  members() {
    return [...this.members_].map(([pid, member]) => ({ pid, pgid: member.pgid }));
  }
  close() {
    for (const pid of this.members_.keys()) this.reader.release(pid);
    this.members_.clear();
    this.outsiders.clear();
  }
};
var GroupTreeMembers = class {
  constructor(reader) {
    this.reader = reader;
  }
  reader;
  known = /* @__PURE__ */ new Map();
  scan(pids) {
    const stats = [];
    const now = new Set(pids);
    for (const [pid] of this.known) {
      if (!now.has(pid)) {
        this.known.delete(pid);
        this.reader.release(pid);
      }
    }
    for (const pid of pids) {
      let stat = this.reader.readStat(pid, true);
      const starttime = this.known.get(pid);
      if (stat && starttime !== void 0 && stat.starttime !== starttime) {
        this.reader.release(pid);
        stat = this.reader.readStat(pid, true);
      }
      if (!stat) continue;
      this.known.set(pid, stat.starttime);
      stats.push(stat);
    }
    return stats;
  }
  members() {
    return [...this.known.keys()].map((pid) => ({ pid, pgid: pid }));
  }
  close() {
    for (const pid of this.known.keys()) this.reader.release(pid);
    this.known.clear();
  }
};

// src/measure/linux-tree.ts
function processCpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e3;
}
var LinuxTreeProbe = class {
  constructor(reader, rootPid, options = {}) {
    this.reader = reader;
    this.rootPid = rootPid;
    this.now = options.now ?? (() => Date.now() / 1e3);
    this.cores = options.cores ?? availableParallelism2();
    this.pss = new TreePssEstimator((pid) => reader.readMemory(pid), {
      pageSizeKb: reader.pageSizeKb,
      recheck: (pid) => {
        const stat = reader.readStat(pid, true);
        const statm = reader.readStatm(pid, true);
        return { intact: stat !== void 0 && !isExiting(stat), ...statm ? { sharedKb: statm.sharedKb } : {} };
      },
      budgetPctOfCore: options.pssBudgetPct ?? 100,
      ...options.unsafeBudgetPct !== void 0 ? { unsafeBudgetPctOfCore: options.unsafeBudgetPct } : {},
      cpuMs: options.cpuMs ?? processCpuMs
    });
    this.cpu = new TreeCpuAccount(rootPid);
    this.group = options.group;
    if (this.group) this.grouped = new GroupTreeMembers(reader);
    else this.session = new SessionTreeMembers(reader, rootPid);
    this.selfChildrenAtStart = reader.readSelfChildrenTicks();
  }
  reader;
  rootPid;
  memoryMetric = "pss_sum";
  cpu;
  selfChildrenAtStart;
  lastReadingAt;
  now;
  cores;
  pss;
  group;
  session;
  grouped;
  /** The root's full CPU total once we have reaped it, from our own cutime; undefined when not trustworthy. */
  rootFinalTicks(lastSeen) {
    if (this.selfChildrenAtStart === void 0 || lastSeen === void 0 || this.lastReadingAt === void 0) return void 0;
    const self = this.reader.readSelfChildrenTicks();
    if (self === void 0) return void 0;
    const total = self - this.selfChildrenAtStart;
    const bound = lastSeen + (this.now() - this.lastReadingAt + 0.05) * this.reader.ticksPerSecond * this.cores;
    return total >= lastSeen && total <= bound ? total : void 0;
  }
  read() {
    const rootWasAlive = this.cpu.rootAlive();
    const rootLastSeen = this.cpu.lastSeenRootTicks();
    const groupReading = this.group?.read();
    const stats = groupReading && this.grouped ? this.grouped.scan(groupReading.pids) : this.session.scan();
    const t = this.now();
    const memberPids = new Set(stats.map((s) => s.pid));
    let rssKb = 0;
    const cpuMembers = [];
    const memory = [];
    for (const stat of stats) {
      cpuMembers.push({
        pid: stat.pid,
        starttime: stat.starttime,
        ppid: stat.ppid,
        ownTicks: stat.utime + stat.stime,
        reapedTicks: stat.cutime + stat.cstime
      });
      const memberRssKb = stat.rssPages * this.reader.pageSizeKb;
      rssKb += memberRssKb;
      if (!isExiting(stat)) {
        const statm = this.reader.readStatm(stat.pid, true);
        memory.push({
          pid: stat.pid,
          starttime: stat.starttime,
          image: `${stat.comm}@${stat.startcode}`,
          minflt: stat.minflt,
          parentPid: memberPids.has(stat.ppid) ? stat.ppid : null,
          rssKb: memberRssKb,
          anonKb: statm ? statm.residentKb - statm.sharedKb : memberRssKb,
          sharedKb: statm ? statm.sharedKb : 0
        });
      }
    }
    const pss = this.pss.update(memory, t);
    const rootGone = rootWasAlive && !memberPids.has(this.rootPid);
    const ticks = this.cpu.update(cpuMembers, rootGone ? this.rootFinalTicks(rootLastSeen) : void 0);
    this.lastReadingAt = t;
    let cpuSeconds = ticks / this.reader.ticksPerSecond;
    if (groupReading?.cpuSeconds !== void 0) cpuSeconds = groupReading.cpuSeconds;
    return { memoryKb: pss.memoryKb, rssKb, cpuSeconds, processes: stats.length, pssAgeS: pss.snapshotAgeS, pssUnverifiedKb: pss.unverifiedKb };
  }
  summary() {
    return {
      pss_snapshots: this.pss.snapshots,
      pss_snapshots_unsafe: this.pss.unsafeSnapshots,
      pss_snapshots_discarded: this.pss.discarded,
      pss_reads: this.pss.reads,
      pss_read_ms: Math.round(this.pss.readMs * 10) / 10,
      ...this.session ? { proc_listings: this.session.listings, proc_pids_probed: this.session.probed } : {}
    };
  }
  members() {
    return (this.session ?? this.grouped)?.members() ?? [];
  }
  close() {
    this.session?.close();
    this.grouped?.close();
    this.reader.close?.();
  }
};

// src/measure/portable-tree.ts
var import_pidusage = __toESM(require_pidusage(), 1);
import { execFile as execFile2 } from "node:child_process";
function parsePsTable(text2) {
  const children = /* @__PURE__ */ new Map();
  for (const line of text2.split("\n")) {
    const [pidText, ppidText] = line.trim().split(/\s+/);
    const pid = Number(pidText);
    const ppid = Number(ppidText);
    if (!Number.isInteger(pid) || !Number.isInteger(ppid) || pidText === void 0 || pidText === "") continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  return children;
}
function descendantsOf(root, children) {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const child of children.get(found[i]) ?? []) if (!found.includes(child)) found.push(child);
  }
  return found;
}
function psTable() {
  return new Promise((resolve4) => {
    execFile2("ps", ["-A", "-o", "pid=,ppid="], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => resolve4(error ? "" : stdout));
  });
}
async function pidUsage(pids) {
  try {
    return await (0, import_pidusage.default)(pids);
  } catch {
    const entries = await Promise.all(pids.map(async (pid) => [pid, await (0, import_pidusage.default)(pid).catch(() => void 0)]));
    const result = {};
    for (const [pid, stat] of entries) if (stat) result[pid] = stat;
    return result;
  }
}
var PortableTreeProbe = class {
  constructor(rootPid, options = {}) {
    this.rootPid = rootPid;
    this.pids = [rootPid];
    this.cpu = new TreeCpuAccount(rootPid, { reapedKnown: false });
    this.listProcesses = options.listProcesses ?? psTable;
    this.usage = options.usage ?? pidUsage;
    this.now = options.now ?? (() => Date.now() / 1e3);
    this.rediscoverEveryS = options.rediscoverEveryS ?? 3;
  }
  rootPid;
  memoryMetric = "rss_sum";
  pids;
  lastDiscovery = Number.NEGATIVE_INFINITY;
  cpu;
  listProcesses;
  usage;
  now;
  rediscoverEveryS;
  async read() {
    if (this.now() - this.lastDiscovery >= this.rediscoverEveryS) {
      this.lastDiscovery = this.now();
      const table = await this.listProcesses();
      if (table !== "") this.pids = descendantsOf(this.rootPid, parsePsTable(table));
    }
    const stats = await this.usage(this.pids);
    let rssBytes = 0;
    const members = [];
    for (const pid of this.pids) {
      const stat = stats[pid];
      if (!stat) continue;
      rssBytes += stat.memory;
      members.push({ pid, starttime: 0, ppid: stat.ppid, ownTicks: stat.ctime / 10, reapedTicks: 0 });
    }
    this.pids = members.map((m) => m.pid);
    if (this.pids.length === 0) this.pids = [this.rootPid];
    const ticks = this.cpu.update(members);
    return { memoryKb: rssBytes / 1024, rssKb: rssBytes / 1024, cpuSeconds: ticks / 100, processes: members.length };
  }
  members() {
    return this.pids.map((pid) => ({ pid, pgid: this.rootPid }));
  }
  close() {
    import_pidusage.default.clear();
  }
};

// src/measure/gpu-sampler.ts
import { execFile as execFile3 } from "node:child_process";

// src/measure/gpu.ts
function columnName(header) {
  return header.replace(/\s*\[[^\]]*\]\s*$/, "").trim();
}
function parseNvidiaCsv(text2) {
  const lines = text2.split(/\r?\n/).filter((l) => l.trim() !== "");
  const [header, ...rows] = lines;
  if (header === void 0) return [];
  const columns = header.split(",").map(columnName);
  const free = columns.indexOf("process_name");
  return rows.map((line) => {
    let fields = line.split(", ");
    if (fields.length > columns.length && free !== -1) {
      const extra = fields.length - columns.length;
      fields = [...fields.slice(0, free), fields.slice(free, free + extra + 1).join(", "), ...fields.slice(free + extra + 1)];
    }
    return new Map(columns.map((name, i) => [name, (fields[i] ?? "").trim()]));
  });
}
function nvidiaNumber(raw) {
  if (raw === void 0) return null;
  const match = /^(-?\d+(?:\.\d+)?)(?:\s*(?:MiB|%|W|MHz|C))?$/.exec(raw.trim());
  return match ? Number(match[1]) : null;
}
function text(raw) {
  return raw === void 0 || raw === "" || /^\[.*\]$/.test(raw) || raw === "N/A" ? void 0 : raw;
}
function parseGpus(csv) {
  return parseNvidiaCsv(csv).map((row) => ({
    index: nvidiaNumber(row.get("index")) ?? void 0,
    uuid: text(row.get("uuid")),
    name: text(row.get("name")),
    utilPct: nvidiaNumber(row.get("utilization.gpu")),
    memUsedMb: nvidiaNumber(row.get("memory.used")),
    memTotalMb: nvidiaNumber(row.get("memory.total"))
  }));
}
function parseComputeApps(csv) {
  return parseNvidiaCsv(csv).flatMap((row) => {
    const pid = nvidiaNumber(row.get("pid"));
    if (pid === null || !Number.isInteger(pid)) return [];
    return [{ gpuUuid: text(row.get("gpu_uuid")), pid, usedMemMb: nvidiaNumber(row.get("used_gpu_memory") ?? row.get("used_memory")) }];
  });
}
function treeGpuReading(devices, processes, pids) {
  const mine = processes.filter((p) => pids.has(p.pid));
  const known = mine.filter((p) => p.usedMemMb !== null);
  const onDevices = new Set(mine.map((p) => p.gpuUuid));
  const used = devices.filter((d) => onDevices.has(d.uuid) || onDevices.has(void 0) && mine.length > 0);
  const utils = used.map((d) => d.utilPct).filter((u) => u !== null);
  const deviceMem = devices.map((d) => d.memUsedMb).filter((m) => m !== null);
  return {
    memMb: mine.length === 0 ? 0 : known.length > 0 ? known.reduce((sum, p) => sum + p.usedMemMb, 0) : null,
    utilPct: utils.length > 0 ? utils.reduce((a, b) => a + b, 0) / utils.length : null,
    deviceMemMb: deviceMem.length > 0 ? deviceMem.reduce((a, b) => a + b, 0) : null
  };
}

// src/measure/gpu-sampler.ts
var GPU_QUERY = ["--query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total", "--format=csv"];
var APPS_QUERY = ["--query-compute-apps=gpu_uuid,pid,used_memory", "--format=csv"];
var nvidiaSmi = {
  run(args) {
    return new Promise((resolve4) => {
      execFile3("nvidia-smi", [...args], { timeout: 1e4, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (!error) return resolve4({ ok: true, stdout });
        const code = error.code;
        const first = `${stderr}`.split("\n")[0]?.trim() || stdout.split("\n")[0]?.trim() || error.message;
        resolve4({ ok: false, reason: code === "ENOENT" ? "nvidia-smi not found" : `nvidia-smi failed: ${first}` });
      });
    });
  }
};
var GpuSampler = class _GpuSampler {
  /** `available`: true once a GPU was found; the sampler stays idle while it is false or not yet known. */
  constructor(query, now, minIntervalMs = 1e3, available = () => true) {
    this.query = query;
    this.now = now;
    this.minIntervalMs = minIntervalMs;
    this.available = available;
  }
  query;
  now;
  minIntervalMs;
  available;
  inFlight;
  lastStart = Number.NEGATIVE_INFINITY;
  newest;
  error;
  /** Looks for GPUs once (per freeze); says "no GPU" and why when there is none. */
  static async probe(query, now, minIntervalMs = 1e3) {
    const answer = await query.run(GPU_QUERY);
    if (!answer.ok) return { devices: [], note: `no GPU: ${answer.reason}` };
    const devices = parseGpus(answer.stdout);
    if (devices.length === 0) return { devices, note: "no GPU: nvidia-smi lists no device" };
    const names = [...new Set(devices.map((d) => d.name ?? "unnamed GPU"))].join(", ");
    const note = `GPU memory of the tree's processes and utilisation of their GPUs, from nvidia-smi every ${Math.max(minIntervalMs, 0) / 1e3} s or slower (${devices.length} device${devices.length === 1 ? "" : "s"}: ${names}).`;
    return { sampler: new _GpuSampler(query, now, minIntervalMs), devices, note };
  }
  /** Starts a reading for these pids unless one is running or the last began too recently. */
  poll(pids) {
    if (this.available() !== true) return;
    if (this.inFlight || this.now() - this.lastStart < this.minIntervalMs) return;
    this.lastStart = this.now();
    const members = new Set(pids);
    this.inFlight = Promise.all([this.query.run(GPU_QUERY), this.query.run(APPS_QUERY)]).then(([gpus, apps]) => {
      if (!gpus.ok || !apps.ok) {
        this.error ??= !gpus.ok ? gpus.reason : apps.reason;
        return;
      }
      this.newest = treeGpuReading(parseGpus(gpus.stdout), parseComputeApps(apps.stdout), members);
    }).finally(() => {
      this.inFlight = void 0;
    });
  }
  /** The newest completed reading (undefined before the first one completes). */
  latest() {
    return this.newest;
  }
  /** Waits for a reading in flight; returns the first error seen, if any. */
  async close() {
    await this.inFlight;
    return this.error;
  }
};

// src/measure/deps.ts
function defaultProbeFactory() {
  const pss = procPssAvailable();
  return (rootPid, settings) => {
    const group = settings.group;
    if (group?.memory !== void 0 && group.cpu !== void 0) return new CgroupTreeProbe(group);
    if (pss) return new LinuxTreeProbe(new LinuxProcReader(), rootPid, { pssBudgetPct: settings.pssBudgetPct, ...group ? { group } : {} });
    return new PortableTreeProbe(rootPid);
  };
}
function defaultMeasureDeps() {
  return {
    clock: systemClock,
    commands: processCommandRunner,
    probeFactory: defaultProbeFactory(),
    environment: hostEnvironment,
    gpu: nvidiaSmi
  };
}

// src/measure/measure-run.ts
async function measureRun(options, deps) {
  const { clock } = deps;
  const intervalMs = options.sampleIntervalS * 1e3;
  const statusPoller = options.statusFilePath ? new StatusFilePoller(options.statusFilePath) : void 0;
  const events = new EventsTail(options.eventsPath);
  const warnings = [];
  const command = await deps.commands.start({ argv: options.argv, cwd: options.cwd, env: options.env, output: options.output, containment: options.containment ?? "auto" });
  const killOnExit = () => command.signalTree ? command.signalTree("SIGKILL") : command.signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  let probe;
  let writer;
  try {
    probe = options.samples ? deps.probeFactory(command.pid, { pssBudgetPct: options.pssBudgetPct, ...command.group ? { group: command.group } : {} }) : void 0;
    writer = options.samples && probe ? new SamplesWriter(options.samples.path, {
      ...options.samples.header,
      started_at: command.startedAt,
      root_pid: command.pid,
      memory_metric: probe.memoryMetric,
      ...command.containment ? { containment: command.containment } : {}
    }) : void 0;
  } catch (error) {
    command.signalGroup("SIGKILL");
    process.off("exit", killOnExit);
    await command.finish?.();
    throw error;
  }
  let environmentWritten = false;
  const recordEnvironment = (environment2) => {
    if (environmentWritten) return;
    environmentWritten = true;
    writer?.environment(environment2);
  };
  const environment = options.environment?.atStart ? options.environment.collect() : void 0;
  void environment?.then(recordEnvironment);
  const samples = [];
  let lastEventsPoll = Number.NEGATIVE_INFINITY;
  let previous;
  let samplerError;
  const takeSample = async () => {
    const t = clock.nowEpoch();
    if (probe && writer) {
      let reading;
      try {
        reading = await probe.read();
      } catch (error) {
        samplerError ??= errorMessage(error);
        return;
      }
      const dt = previous ? t - previous.t : 0;
      const cpuPct = previous && dt > 0 ? Math.max(0, (reading.cpuSeconds - previous.cpuSeconds) / dt * 100) : null;
      const sample = {
        t,
        mem_mb: reading.memoryKb / 1024,
        rss_mb: reading.rssKb / 1024,
        cpu_pct: cpuPct,
        cpu_s: reading.cpuSeconds,
        procs: reading.processes,
        ...reading.pssAgeS !== void 0 ? { pss_age_s: reading.pssAgeS } : {},
        ...reading.pssUnverifiedKb !== void 0 ? { pss_unverified_mb: reading.pssUnverifiedKb / 1024 } : {},
        ...reading.kernel ? {
          mem_now_mb: reading.kernel.nowKb / 1024,
          file_cache_mb: reading.kernel.fileCacheKb / 1024,
          ...reading.kernel.usagePeakKb !== void 0 ? { usage_peak_mb: reading.kernel.usagePeakKb / 1024 } : {}
        } : {}
      };
      previous = { t, cpuSeconds: reading.cpuSeconds };
      if (options.gpu) {
        options.gpu.poll(probe.members().map((m) => m.pid));
        const gpu = options.gpu.latest();
        if (gpu) Object.assign(sample, { gpu_mem_mb: gpu.memMb, gpu_util_pct: gpu.utilPct, gpu_device_mem_mb: gpu.deviceMemMb });
      }
      samples.push(sample);
      writer.sample(sample);
    }
    if (!(options.statusOnlyWithoutEvents && events.events.length > 0)) {
      const observation = statusPoller?.poll(t);
      if (observation) writer?.status(observation);
    }
    if (t - lastEventsPoll >= 2) {
      lastEventsPoll = t;
      events.poll();
    }
  };
  let stopReason;
  let killTimer;
  const signalTree = (signal) => {
    if (command.signalTree) command.signalTree(signal);
    else command.signalGroup(signal);
    if (command.group) return;
    let members = [];
    try {
      members = probe?.members() ?? [];
    } catch {
    }
    for (const member of members) if (member.pgid !== command.pid) command.signalProcess(member.pid, signal);
  };
  const stop = (reason) => {
    if (stopReason) return;
    stopReason = reason;
    signalTree("SIGTERM");
    killTimer = clock.setTimer(() => signalTree("SIGKILL"), options.killGraceS * 1e3);
  };
  const timeoutTimer = options.timeoutS !== void 0 ? clock.setTimer(() => stop("timed_out"), options.timeoutS * 1e3) : void 0;
  let internalError;
  let stoppedByBug = false;
  const failSampling = (error) => {
    if (internalError !== void 0) return;
    internalError = errorMessage(error);
    stoppedByBug = !exit;
    stop("failed");
  };
  const onAbort = () => stop("cancelled");
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  let exit;
  const exited = command.exited.then((e) => exit = e);
  const startMono = clock.nowMono();
  let tickIndex = 0;
  let timer;
  let inFlight = Promise.resolve();
  let lastProgress = 0;
  const progressEveryS = options.progressEveryS ?? 10;
  const schedule = () => {
    if (exit) return;
    const now = clock.nowMono();
    tickIndex = Math.max(tickIndex + 1, Math.floor((now - startMono) / intervalMs) + 1);
    timer = clock.setTimer(
      () => {
        inFlight = inFlight.then(async () => {
          if (exit || internalError !== void 0) return;
          try {
            await takeSample();
            const elapsed = (clock.nowMono() - startMono) / 1e3;
            if (options.onTick && elapsed - lastProgress >= progressEveryS) {
              lastProgress = elapsed;
              options.onTick(elapsed, events.openStages());
            }
            schedule();
          } catch (error) {
            failSampling(error);
          }
        });
      },
      startMono + tickIndex * intervalMs - now
    );
  };
  inFlight = takeSample().catch(failSampling);
  try {
    schedule();
  } catch (error) {
    failSampling(error);
  }
  await exited;
  timer?.cancel();
  timeoutTimer?.cancel();
  options.signal?.removeEventListener("abort", onAbort);
  await inFlight;
  await takeSample().catch((error) => internalError ??= errorMessage(error));
  try {
    events.poll(true);
  } catch (error) {
    internalError ??= errorMessage(error);
  }
  const finalExit = exit;
  killTimer?.cancel();
  const leftSampled = samples.length > 0 ? samples[samples.length - 1].procs : 0;
  if (!command.group) signalTree("SIGKILL");
  const treeEnd = await command.finish?.();
  const left = treeEnd?.leftover ?? leftSampled;
  if (!stopReason && left > 0) {
    warnings.push(`${left} process(es) of the tree were still running after the command exited: ended (SIGKILL), not measured further`);
  }
  pushAll(warnings, treeEnd?.problems ?? []);
  if (finalExit.spawnError) warnings.push(`command error: ${finalExit.spawnError}`);
  if (samplerError) warnings.push(`sampling error (some samples missing): ${samplerError}`);
  if (internalError !== void 0) {
    warnings.push(`internal error in the sampler (please report): ${internalError}; ${stoppedByBug ? "the command was stopped, " : ""}what was sampled before is kept`);
  }
  const gpuError = await options.gpu?.close();
  if (gpuError) warnings.push(`GPU sampling error (some GPU readings missing): ${gpuError}`);
  const status = stopReason ?? (finalExit.exitCode === 0 ? "ok" : "failed");
  if (options.environment && writer) recordEnvironment(await (environment ?? options.environment.collect()));
  writer?.end({ t: finalExit.endedAt, status, exit_code: finalExit.exitCode, signal: finalExit.signal });
  writer?.close();
  const probeSummary = probe?.summary?.() ?? {};
  probe?.close();
  process.off("exit", killOnExit);
  return {
    startedAt: command.startedAt,
    endedAt: finalExit.endedAt,
    rootPid: command.pid,
    memoryMetric: probe?.memoryMetric ?? "pss_sum",
    samples,
    statuses: statusPoller?.observations ?? [],
    events: events.events,
    eventWarnings: events.warnings,
    status,
    exitCode: finalExit.exitCode,
    signal: finalExit.signal,
    warnings,
    probeSummary,
    ...internalError !== void 0 ? { internalError } : {},
    ...command.containment ? { containment: command.containment } : {},
    ...treeEnd ? { treeEnd } : {}
  };
}

// src/measure/options.ts
import { existsSync as existsSync3, statSync as statSync2 } from "node:fs";
import { resolve } from "node:path";
var MIN_SAMPLE_INTERVAL_S = 0.02;
var DEFAULT_PSS_BUDGET_PCT = 0.05;
function checkFreezeOptions(options) {
  const problems = [];
  if (options.version.trim() === "") problems.push("version: must not be empty");
  if (options.datasetId.trim() === "") problems.push("dataset id: must not be empty");
  if (!/\.ya?ml$/i.test(options.output)) problems.push(`output: expected a path ending in .yaml or .yml, got "${options.output}"`);
  if (options.command.length === 0 || options.command[0] === "") problems.push("command: nothing to run (give it after --)");
  const sampleIntervalS = options.sampleIntervalS ?? 0.5;
  if (!(sampleIntervalS >= MIN_SAMPLE_INTERVAL_S) || !Number.isFinite(sampleIntervalS)) {
    problems.push(`sample interval: expected seconds >= ${MIN_SAMPLE_INTERVAL_S}, got ${sampleIntervalS}`);
  }
  const warmup = options.warmup ?? 1;
  if (!Number.isInteger(warmup) || warmup < 0) problems.push(`warmup: expected a whole number >= 0, got ${warmup}`);
  const repeat = options.repeat ?? 1;
  if (!Number.isInteger(repeat) || repeat < 1) problems.push(`repeat: expected a whole number >= 1, got ${repeat}`);
  const pssBudgetPct = options.pssBudgetPct ?? DEFAULT_PSS_BUDGET_PCT;
  if (!(pssBudgetPct > 0)) problems.push(`PSS budget: expected a percentage > 0, got ${pssBudgetPct}`);
  if (options.timeoutS !== void 0 && !(options.timeoutS > 0)) problems.push(`timeout: expected seconds > 0, got ${options.timeoutS}`);
  if (options.episodes !== void 0 && !(Number.isInteger(options.episodes) && options.episodes > 0)) {
    problems.push(`episodes: expected a whole number > 0, got ${options.episodes}`);
  }
  const cwd = resolve(options.cwd ?? ".");
  if (!existsSync3(cwd) || !statSync2(cwd).isDirectory()) problems.push(`cwd: directory not found: ${cwd}`);
  let stages = { kind: "auto" };
  try {
    stages = typeof options.stages === "object" ? options.stages : parseStageSource(options.stages ?? "auto");
  } catch (error) {
    problems.push(error.message);
  }
  if (problems.length > 0) throw new UserError("freeze: invalid options", problems);
  return { pssBudgetPct, cwd, stem: profileStem(resolve(options.output)), stages, sampleIntervalS, warmup, repeat };
}

// src/measure/freeze.ts
function describeEnd(raw) {
  if (raw.internalError !== void 0 && raw.status === "failed") return `stopped by an internal error in the sampler (${raw.internalError})`;
  if (raw.status === "timed_out") return "timed out";
  if (raw.status === "cancelled") return "cancelled";
  return raw.signal ? `killed by ${raw.signal}` : `exit code ${raw.exitCode ?? "?"}`;
}
async function freeze(options, deps = {}) {
  const checked = checkFreezeOptions(options);
  const d = { ...defaultMeasureDeps(), ...deps };
  const { cwd, stages, stem } = checked;
  const progress = options.onProgress ?? (() => void 0);
  const hostEnvironment2 = d.environment.host(cwd);
  let collected;
  const collect = () => collected ??= d.environment.full(cwd).catch(() => hostEnvironment2);
  let gpuAvailable;
  const gpuProbe = (d.gpu ? GpuSampler.probe(d.gpu, () => d.clock.nowMono()) : Promise.resolve({ devices: [], note: "no GPU: not sampled" })).then((probe) => {
    gpuAvailable = probe.sampler !== void 0;
    return probe;
  });
  const environmentWithGpu = async () => {
    const [environment, probe] = await Promise.all([collect(), gpuProbe]);
    const gpuNames = [...new Set(probe.devices.map((g) => g.name).filter((n) => n !== void 0))];
    return gpuNames.length > 0 ? { ...environment, gpu: gpuNames.join(", ") } : environment;
  };
  const statusPath = statusFileFor(stages, cwd);
  const metricsPath = stages.kind === "metrics" ? resolve2(cwd, stages.path) : options.metricsFile !== void 0 ? resolve2(cwd, options.metricsFile) : void 0;
  const env = { ...process.env, ...options.env };
  const result = {
    status: "ok",
    exitCode: 0,
    profilePath: runFilesOf(stem).profile,
    stageTruthPath: runFilesOf(stem).stageTruth,
    files: [],
    runs: [],
    warmups: []
  };
  const common = {
    argv: options.command,
    cwd,
    output: options.commandOutput ?? "inherit",
    sampleIntervalS: checked.sampleIntervalS,
    killGraceS: options.killGraceS ?? 5,
    pssBudgetPct: checked.pssBudgetPct,
    containment: options.containment ?? "auto",
    ...options.timeoutS !== void 0 ? { timeoutS: options.timeoutS } : {},
    ...options.signal ? { signal: options.signal } : {},
    ...statusPath ? { statusFilePath: statusPath, statusOnlyWithoutEvents: stages.kind === "auto" } : {},
    progressEveryS: options.progressEveryS ?? 10
  };
  for (let w = 1; w <= checked.warmup; w++) {
    const eventsPath = options.eventsFile !== void 0 ? resolve2(options.eventsFile) : warmupEventsPath(stem);
    if (options.signal?.aborted) return stopEarly(result, "cancelled", `cancelled before warm-up run ${w}`);
    writeOutput(eventsPath, "");
    progress({ kind: "run-start", message: `warm-up run ${w} of ${checked.warmup} (not measured)`, run: w, of: checked.warmup, measured: false });
    const raw = await measureRun(
      {
        ...common,
        environment: { collect, atStart: true },
        env: { ...env, [STAGE_EVENTS_ENV]: eventsPath },
        eventsPath,
        onTick: (elapsed) => progress({ kind: "tick", message: `warm-up run ${w} of ${checked.warmup} \u2026 ${elapsed.toFixed(1)} s elapsed`, elapsedS: elapsed })
      },
      d
    );
    if (options.eventsFile === void 0) rmSync(eventsPath, { force: true });
    result.warmups.push({ status: raw.status, exitCode: raw.exitCode, signal: raw.signal });
    progress({ kind: "run-end", message: `warm-up run ${w}: ${describeEnd(raw)} after ${(raw.endedAt - raw.startedAt).toFixed(1)} s` });
    if (raw.status !== "ok") {
      result.status = raw.status;
      result.exitCode = 1;
      result.stoppedBecause = `warm-up run ${w} did not complete (${describeEnd(raw)}); no measured run was made`;
      return result;
    }
  }
  const outputs = [];
  let cancelledBetweenRuns = false;
  for (let k = 1; k <= checked.repeat; k++) {
    const files = runFilesOf(repeatStem(stem, k, checked.repeat), options.eventsFile !== void 0 ? resolve2(options.eventsFile) : void 0);
    if (options.signal?.aborted) {
      cancelledBetweenRuns = true;
      result.stoppedBecause = `cancelled before measured run ${k}`;
      if (outputs.length === 0) return stopEarly(result, "cancelled", result.stoppedBecause);
      break;
    }
    writeOutput(files.events, "");
    writeOutput(files.samples, "");
    const label = `run ${k} of ${checked.repeat} (measured)`;
    progress({ kind: "run-start", message: label, run: k, of: checked.repeat, measured: true });
    const raw = await measureRun(
      {
        ...common,
        env: { ...env, [STAGE_EVENTS_ENV]: files.events },
        eventsPath: files.events,
        environment: { collect, atStart: collected !== void 0 },
        // A sampler per run, so no reading of one run is carried into the next.
        ...d.gpu ? {
          gpu: new GpuSampler(
            d.gpu,
            () => d.clock.nowMono(),
            1e3,
            () => gpuAvailable
          )
        } : {},
        samples: {
          path: files.samples,
          header: {
            type: "header",
            format: "optimization-gate-samples",
            version: 1,
            release: options.version,
            dataset_id: options.datasetId,
            sample_interval_s: checked.sampleIntervalS,
            command: options.command,
            cwd,
            stage_source: stages,
            events_path: files.events,
            status_file: statusPath ?? null,
            metrics_file: metricsPath ?? null,
            episodes: options.episodes ?? null,
            environment: hostEnvironment2
          }
        },
        onTick: (elapsed, open) => progress({
          kind: "tick",
          message: `${label} \u2026 ${elapsed.toFixed(1)} s elapsed${open.length > 0 ? `, stage: ${open.join(", ")}` : ""}`,
          elapsedS: elapsed
        })
      },
      d
    );
    const metrics = metricsPath !== void 0 ? readMetricsFile(metricsPath) : void 0;
    const { profile, truth } = outputsOf(raw, { options, checked: { ...checked, stages }, environment: await environmentWithGpu(), files, statusPath, metrics, gpuNote: (await gpuProbe).note });
    writeOutput(files.profile, renderProfileYaml(profile));
    writeOutput(files.stageTruth, renderStageTruthJson(truth));
    result.files.push(files.profile, files.stageTruth, files.samples, files.events);
    const wallS = raw.endedAt - raw.startedAt;
    result.runs.push({ index: k, status: raw.status, exitCode: raw.exitCode, signal: raw.signal, wallS, files, profile, truth });
    outputs.push({ profile, truth, status: raw.status, file: basename(files.profile) });
    progress({ kind: "run-end", message: `run ${k} of ${checked.repeat}: ${describeEnd(raw)} after ${wallS.toFixed(1)} s, peak ${profile.totals.peak_rss_mb} MiB` });
    if (raw.status !== "ok") {
      result.stoppedBecause = `measured run ${k} did not complete (${describeEnd(raw)})`;
      break;
    }
  }
  result.status = cancelledBetweenRuns ? "cancelled" : overallStatus(outputs.map((o) => o.status));
  result.exitCode = result.status === "ok" ? 0 : 1;
  if (checked.repeat === 1) {
    const only = result.runs[0];
    if (only) {
      result.profile = only.profile;
      result.truth = only.truth;
    }
  } else if (outputs.length > 0) {
    const { profile, truth } = medianOfRuns(outputs);
    if (cancelledBetweenRuns) {
      profile.status = "cancelled";
      truth.status = "cancelled";
    }
    writeOutput(result.profilePath, renderProfileYaml(profile));
    writeOutput(result.stageTruthPath, renderStageTruthJson(truth));
    result.files.push(result.profilePath, result.stageTruthPath);
    result.profile = profile;
    result.truth = truth;
  }
  return result;
}
function stopEarly(result, status, why) {
  result.status = status;
  result.exitCode = 1;
  result.stoppedBecause = why;
  return result;
}
function statusFileFor(stages, cwd) {
  if (stages.kind === "status-file") return resolve2(cwd, stages.path);
  if (stages.kind === "auto") return resolve2(cwd, DEFAULT_STATUS_FILE);
  return void 0;
}

// src/measure/external.ts
import { existsSync as existsSync4, statSync as statSync3 } from "node:fs";
import { resolve as resolve3 } from "node:path";
var PROFILE_OUTPUT_ENV = "OPTIMIZATION_GATE_PROFILE";
function checkFrozenProfile(profilePath, expect = {}) {
  const truthPath = stageTruthPathFor(profilePath);
  const profile = loadProfileFile(profilePath);
  const truth = existsSync4(truthPath) ? loadStageTruthFile(truthPath) : void 0;
  const notes = truth ? [`checked: ${profilePath} and ${truthPath}`] : [`checked: ${profilePath}`, `no stage_truth beside it (${truthPath} not found): its truth.* metrics are missing`];
  const warnings = [];
  if (expect.version !== void 0 && profile.release !== expect.version) {
    warnings.push(`${profilePath}: release is "${profile.release}", expected "${expect.version}"`);
  }
  if (expect.datasetId !== void 0 && profile.dataset_id !== expect.datasetId) {
    warnings.push(`${profilePath}: dataset_id is "${profile.dataset_id}", expected "${expect.datasetId}"`);
  }
  if (truth && truth.release !== profile.release) warnings.push(`${truthPath}: release "${truth.release}" differs from the profile's "${profile.release}"`);
  return { profilePath, ...truth ? { stageTruthPath: truthPath, truth } : {}, profile, warnings, notes };
}
async function runExternalFreeze(options, deps = {}) {
  const d = { ...defaultMeasureDeps(), ...deps };
  const cwd = resolve3(options.cwd ?? ".");
  const profilePath = resolve3(options.output);
  if (!/\.ya?ml$/i.test(profilePath)) throw new UserError(`freeze --external: --output must end in .yaml or .yml, got "${options.output}"`);
  const startedAt = d.clock.nowEpoch();
  const command = await d.commands.start({
    argv: options.command,
    cwd,
    // The runner removes what only the action may hold (tokens, runtime URLs: measured-env.ts).
    env: { ...process.env, ...options.env, [PROFILE_OUTPUT_ENV]: profilePath },
    output: options.commandOutput ?? "inherit",
    containment: options.containment ?? "auto"
  });
  const signalTree = (sig) => command.signalTree ? command.signalTree(sig) : command.signalGroup(sig);
  let stopped;
  let killTimer;
  const stop = (why) => {
    if (stopped) return;
    stopped = why;
    signalTree("SIGTERM");
    killTimer = d.clock.setTimer(() => signalTree("SIGKILL"), 5e3);
  };
  const timer = options.timeoutS !== void 0 ? d.clock.setTimer(() => stop(`timed out after ${options.timeoutS} s`), options.timeoutS * 1e3) : void 0;
  const onAbort = () => stop("cancelled");
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const exit = await command.exited;
  timer?.cancel();
  killTimer?.cancel();
  options.signal?.removeEventListener("abort", onAbort);
  await command.finish?.();
  if (stopped) throw new UserError(`freeze command ${stopped}: ${options.command.join(" ")}`);
  if (exit.exitCode !== 0) {
    throw new UserError(`freeze command failed (${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.exitCode ?? "?"}`}): ${options.command.join(" ")}`);
  }
  if (!existsSync4(profilePath)) throw new InputFileError(profilePath, ["the freeze command exited 0 but did not write it"], { missing: true });
  if (statSync3(profilePath).mtimeMs / 1e3 < startedAt - 1) {
    throw new InputFileError(profilePath, ["not written by this run (older than the command): is --output where the command writes?"]);
  }
  return checkFrozenProfile(profilePath, options);
}

export {
  endStaleTreeGroups,
  processCommandRunner,
  parseProcStat,
  sharedEnvironment,
  freeze,
  runExternalFreeze
};
