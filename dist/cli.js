#!/usr/bin/env node
import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunks/chunk-LI5ODPXF.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str2 += "\\x" + code2.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify2(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify2.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify2.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify2 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify2.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify3 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify3(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify2.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify2.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify2.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify2.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify2.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok2 = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok2 ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify2(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
  /** Extra located details (one per line in logs and reports). */
  details;
  constructor(message, details2 = []) {
    super(details2.length > 0 ? `${message}
${details2.map((d) => `  - ${d}`).join("\n")}` : message);
    this.details = details2;
  }
};
var InputFileError = class extends UserError {
  name = "InputFileError";
  file;
  constructor(file, problems) {
    super(`${file}: invalid content`, problems);
    this.file = file;
  }
};
var InternalError = class extends Error {
  name = "InternalError";
};
function isUserError(error) {
  return error instanceof UserError;
}
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

// src/formats/validate.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isFiniteNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}
function describe(value) {
  if (value === void 0) return "nothing (key absent)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "object") return "a mapping";
  const text2 = JSON.stringify(value);
  return `${typeof value} ${text2.length > 40 ? `${text2.slice(0, 37)}...` : text2}`;
}
var Validator = class {
  constructor(file) {
    this.file = file;
  }
  file;
  problems = [];
  problem(path, expected, got) {
    this.problems.push(`${path}: expected ${expected}, got ${describe(got)}`);
  }
  object(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (isObject(value)) return value;
    this.problem(path, "a mapping", value);
    return void 0;
  }
  string(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (typeof value === "string") return value;
    this.problem(path, "a string", value);
    return void 0;
  }
  /** A finite number, not negative: every measured quantity we read is a time, size, rate or count. */
  number(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (isFiniteNumber(value) && value >= 0) return value;
    this.problem(path, "a number >= 0", value);
    return void 0;
  }
  boolean(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (typeof value === "boolean") return value;
    this.problem(path, "true or false", value);
    return void 0;
  }
  /** A mapping whose every value is checked by `each` (path of each entry is `path.key`). */
  record(value, path, each, options = {}) {
    const obj = this.object(value, path, options);
    if (!obj) return;
    for (const [key, entry] of Object.entries(obj)) each(entry, `${path}.${key}`);
  }
  /** Throws one error naming the file and every problem found, if any. */
  finish() {
    if (this.problems.length > 0) throw new InputFileError(this.file, this.problems);
  }
};

// src/compare/units.ts
var SECONDS = { symbol: "s", dimension: "time", scale: 1 };
var MILLISECONDS = { symbol: "ms", dimension: "time", scale: 1e-3 };
var MIB = { symbol: "MiB", dimension: "memory", scale: 1 };
var GIB = { symbol: "GiB", dimension: "memory", scale: 1024 };
var USD = { symbol: "USD", dimension: "money", scale: 1 };
var CPU_PCT = { symbol: "%", dimension: "cpu", scale: 1 };
var SUFFIX_UNITS = [
  [/(^|_)ms$/, MILLISECONDS],
  [/(^|_)(s|seconds|sec)$/, SECONDS],
  [/(^|_)mb$/, MIB],
  [/(^|_)gb$/, GIB],
  [/(^|_)usd$/, USD],
  [/(^|_)pct$/, CPU_PCT]
];
var INNER_UNITS = [
  [/(^|_)mb_sampled$/, MIB]
];
function metricUnit(metricPath) {
  const segments = metricPath.split(".");
  const last = segments.pop() ?? "";
  if (segments.at(-1) === "wall_seconds_by_stage") return SECONDS;
  return (SUFFIX_UNITS.find(([pattern]) => pattern.test(last)) ?? INNER_UNITS.find(([pattern]) => pattern.test(last)))?.[1];
}
var RULE_UNITS = {
  ms: MILLISECONDS,
  s: SECONDS,
  sec: SECONDS,
  secs: SECONDS,
  seconds: SECONDS,
  min: { symbol: "min", dimension: "time", scale: 60 },
  h: { symbol: "h", dimension: "time", scale: 3600 },
  b: { symbol: "B", dimension: "memory", scale: 1 / (1024 * 1024) },
  kb: { symbol: "KiB", dimension: "memory", scale: 1 / 1024 },
  kib: { symbol: "KiB", dimension: "memory", scale: 1 / 1024 },
  mb: MIB,
  mib: MIB,
  gb: GIB,
  gib: GIB,
  usd: USD,
  $: USD
};
function ruleUnit(written) {
  return RULE_UNITS[written.toLowerCase()];
}
var KNOWN_RULE_UNITS = ["ms", "s", "min", "h", "B", "KB", "MB", "GB", "KiB", "MiB", "GiB", "$", "USD"];
function convertUnit(value, from, to) {
  if (from.dimension !== to.dimension) return void 0;
  return value * from.scale / to.scale;
}
function significant(value, digits) {
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}
function formatValue(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  if (!unit) return Number.isInteger(value) ? String(value) : significant(value, 4);
  switch (unit.dimension) {
    case "money":
      return `${value < 0 ? "-" : ""}$${significant(Math.abs(value), 3)}`;
    case "memory":
      return `${Math.abs(value) >= 100 ? value.toFixed(0) : significant(value, 3)} ${unit.symbol}`;
    case "cpu":
      return `${value.toFixed(1)} %`;
    case "time":
      return `${Math.abs(value) >= 1e3 ? value.toFixed(0) : significant(value, 4)} ${unit.symbol}`;
  }
}
function formatSigned(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  const text2 = formatValue(Math.abs(value), unit);
  return `${value > 0 ? "+" : value < 0 ? "-" : "\xB1"}${text2}`;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) return "n/a";
  return `${value > 0 ? "+" : ""}${value.toFixed(Math.abs(value) >= 10 ? 1 : 2)} %`;
}

// src/compare/types.ts
var METRIC_SOURCES = ["profile", "truth", "eval", "cost"];

// src/compare/metrics.ts
var DOCUMENT_NAMES = {
  profile: "profile YAML",
  truth: "stage_truth.json",
  eval: "metrics.json",
  cost: "eval_pipeline_metrics.json"
};
function isMetricSource(segment) {
  return METRIC_SOURCES.includes(segment ?? "");
}
function documentOf(run2, source) {
  return run2[source];
}
function describeValue(value) {
  if (value === void 0) return "absent";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (isObject(value)) return "a mapping";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return `a string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value)}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  return typeof value;
}
function classifyValue(value, path) {
  if (typeof value === "number" && Number.isFinite(value)) return { kind: "number", value };
  if (value === null) return { kind: "null", reason: `${path} is null (not computed)` };
  if (value === void 0) return { kind: "absent", reason: `${path} is absent` };
  return { kind: "invalid", reason: `${path} is ${describeValue(value)}, not a number` };
}
function lookupMetric(run2, path) {
  const [source, ...keys] = path.split(".");
  if (!isMetricSource(source)) {
    return { kind: "invalid", reason: `${path}: unknown document "${source ?? ""}" (expected ${METRIC_SOURCES.join(", ")})` };
  }
  let node = documentOf(run2, source);
  if (node === void 0) return { kind: "absent", reason: `no ${DOCUMENT_NAMES[source]} for ${run2.label}` };
  let walked = source;
  for (const key of keys) {
    if (!isObject(node)) return { kind: "absent", reason: `${walked} is ${describeValue(node)}, so ${path} is absent` };
    if (!(key in node)) {
      if (isZeroWallStage(path, walked, run2)) return { kind: "number", value: 0, note: ZERO_WALL_NOTE };
      if (source === "profile" && walked === "profile.stages") {
        return { kind: "absent", reason: `stage ${key} absent in ${run2.label} (no wall time recorded)` };
      }
      return { kind: "absent", reason: `${path} absent in ${run2.label}` };
    }
    node = node[key];
    walked = `${walked}.${key}`;
  }
  return classifyValue(node, path);
}
var ZERO_WALL_NOTE = "stage absent: zero wall time";
function isZeroWallStage(path, walked, run2) {
  if (walked === "profile.stages") return /^profile\.stages\.[^.]+\.wall_time_s$/.test(path);
  return walked === "truth.wall_seconds_by_stage" && /^truth\.wall_seconds_by_stage\.[^.]+$/.test(path) && run2.truth !== void 0;
}
function isMetricLeaf(value) {
  return typeof value === "number" || value === null;
}
function collect(node, segments, prefix, out) {
  if (segments.length === 0) {
    if (isMetricLeaf(node)) out.push(prefix);
    return;
  }
  if (!isObject(node)) return;
  const [head, ...tail] = segments;
  const keys = head === "*" ? Object.keys(node) : head in node ? [head] : [];
  for (const key of keys) collect(node[key], tail, `${prefix}.${key}`, out);
}
function mergeOrders(lists) {
  const merged = [];
  for (const list of lists) {
    let cursor = -1;
    for (const key of list) {
      const at = merged.indexOf(key);
      if (at !== -1) {
        cursor = at;
        continue;
      }
      merged.splice(cursor + 1, 0, key);
      cursor += 1;
    }
  }
  return merged;
}
function expandMetricPattern(pattern, runs) {
  const segments = pattern.split(".");
  if (!segments.includes("*")) return [pattern];
  const [source, ...rest] = segments;
  const sources = source === "*" ? [...METRIC_SOURCES] : isMetricSource(source) ? [source] : [];
  const perRun = runs.map((run2) => {
    const out = [];
    for (const s of sources) collect(documentOf(run2, s), rest, s, out);
    return out;
  });
  return mergeOrders(perRun);
}
function stageNames(runs) {
  return mergeOrders(runs.map((run2) => Object.keys(run2.profile.stages)));
}
function lookupSide(runs, path) {
  const lookups = runs.map((run2) => lookupMetric(run2, path));
  const numbers = [];
  const problems = [];
  for (const found of lookups) {
    if (found.kind === "number") numbers.push(found.value);
    else problems.push(found.reason);
  }
  return { lookups, numbers, complete: runs.length > 0 && problems.length === 0, problems };
}

// src/compare/stats.ts
var SINGLE_RUN_NOTE = "single run: no noise estimate";
var DEFAULT_INTERVAL_OPTIONS = { level: 0.95, resamples: 2e3, seed: 24301, method: "bootstrap-median" };
function median(values) {
  if (values.length === 0) throw new InternalError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below];
  const high = sorted[above];
  return low + (high - low) * (position - below);
}
function resampledMedian(values, random) {
  if (values.length === 1) return values[0];
  const sample = values.map(() => values[Math.floor(random() * values.length)]);
  return median(sample);
}
function relativeChange(base, cand) {
  return base === 0 ? void 0 : (cand - base) / Math.abs(base) * 100;
}
function checkValues(values, side2) {
  if (values.length === 0) throw new InternalError(`no ${side2} values to estimate from`);
  if (!values.every(Number.isFinite)) throw new InternalError(`non-finite ${side2} value reached the statistics`);
}
function resolved(options) {
  const o = { ...DEFAULT_INTERVAL_OPTIONS, ...options };
  if (!(o.level > 0 && o.level < 1)) throw new InternalError(`confidence level must be in (0, 1), got ${o.level}`);
  if (!Number.isInteger(o.resamples) || o.resamples < 100) throw new InternalError(`resamples must be an integer >= 100, got ${o.resamples}`);
  return o;
}
function allEqual(values) {
  return values.every((v) => v === values[0]);
}
function singleRunNote(nBase, nCand) {
  if (nBase === 1 && nCand > 1) return "baseline is a single run: the interval reflects candidate noise only";
  if (nCand === 1 && nBase > 1) return "candidate is a single run: the interval reflects baseline noise only";
  return void 0;
}
function bootstrap(sides, statistic, o) {
  const random = seededRandom(o.seed);
  const stats = [];
  for (let i = 0; i < o.resamples; i++) {
    const value = statistic(sides.map((values) => resampledMedian(values, random)));
    if (value !== void 0) stats.push(value);
  }
  const undefinedShare = 1 - stats.length / o.resamples;
  if (undefinedShare > (1 - o.level) / 2) return { interval: void 0, undefinedShare };
  stats.sort((a, b) => a - b);
  const tail = (1 - o.level) / 2;
  return { interval: { low: quantile(stats, tail), high: quantile(stats, 1 - tail), level: o.level }, undefinedShare };
}
function changeInterval(baseline, candidate, form, options = {}) {
  checkValues(baseline, "baseline");
  checkValues(candidate, "candidate");
  const o = resolved(options);
  const n = { baseline: baseline.length, candidate: candidate.length };
  const change2 = (medians) => {
    const [b, c] = medians;
    return form === "delta" ? c - b : relativeChange(b, c);
  };
  const estimate = change2([median(baseline), median(candidate)]);
  if (estimate === void 0) {
    return {
      form,
      estimate,
      interval: void 0,
      method: "point",
      n,
      degenerate: false,
      note: "relative change from a baseline of 0 is undefined"
    };
  }
  if (n.baseline === 1 && n.candidate === 1) {
    return { form, estimate, interval: void 0, method: "point", n, degenerate: false, note: SINGLE_RUN_NOTE };
  }
  if (allEqual(baseline) && allEqual(candidate)) {
    return {
      form,
      estimate,
      interval: { low: estimate, high: estimate, level: o.level },
      method: o.method,
      n,
      degenerate: true,
      note: "every run of each side gave the same value: zero spread"
    };
  }
  const { interval: interval2, undefinedShare } = bootstrap([baseline, candidate], change2, o);
  const note = interval2 === void 0 ? `relative change undefined in ${(undefinedShare * 100).toFixed(0)} % of resamples (baseline median 0)` : singleRunNote(n.baseline, n.candidate);
  return { form, estimate, interval: interval2, method: o.method, n, degenerate: false, ...note ? { note } : {} };
}
function valueInterval(candidate, options = {}) {
  checkValues(candidate, "candidate");
  const o = resolved(options);
  const n = { baseline: 0, candidate: candidate.length };
  const estimate = median(candidate);
  if (candidate.length === 1) {
    return { form: "value", estimate, interval: void 0, method: "point", n, degenerate: false, note: SINGLE_RUN_NOTE };
  }
  if (allEqual(candidate)) {
    return {
      form: "value",
      estimate,
      interval: { low: estimate, high: estimate, level: o.level },
      method: o.method,
      n,
      degenerate: true,
      note: "every candidate run gave the same value: zero spread"
    };
  }
  const { interval: interval2 } = bootstrap([candidate], (m) => m[0], o);
  return { form: "value", estimate, interval: interval2, method: o.method, n, degenerate: false };
}

// src/compare/diff.ts
var STAGE_QUANTITIES = ["wall_time_s", "peak_rss_mb", "avg_cpu_pct"];
var TOTAL_QUANTITIES = ["wall_time_s", "peak_rss_mb", "avg_wall_time_per_episode_s"];
var TRUTH_QUANTITIES = ["run_wall_s", "sum_mapped_stage_wall_s", "parallelism_hint_ratio"];
function summarize(runs, metric) {
  const side2 = lookupSide(runs, metric);
  return {
    values: side2.numbers,
    median: side2.numbers.length > 0 ? median(side2.numbers) : void 0,
    runs: runs.length,
    problems: side2.problems,
    lookups: side2.lookups
  };
}
function whyNoValue(lookups) {
  const kinds = new Set(lookups.map((l) => l.kind));
  if (kinds.size === 1 && kinds.has("absent")) return "absent";
  if (kinds.has("invalid")) return "not a number";
  return "null";
}
function rowNote(base, cand) {
  if (base.median === void 0 && cand.median === void 0) return `${whyNoValue(base.lookups)} on both sides`;
  if (base.median === void 0) {
    const why = whyNoValue(base.lookups);
    return why === "absent" ? "only in candidate" : `baseline ${why}`;
  }
  if (cand.median === void 0) {
    const why = whyNoValue(cand.lookups);
    return why === "absent" ? "only in baseline" : `candidate ${why}`;
  }
  const implied = [base, cand].map((s, i) => s.lookups.some((l) => l.kind === "number" && l.note !== void 0) ? `stage absent in ${i === 0 ? "baseline" : "candidate"}: 0 s` : "").filter(Boolean);
  if (implied.length > 0) return implied.join("; ");
  const partial = [base, cand].map((s, i) => s.values.length < s.runs ? `${i === 0 ? "baseline" : "candidate"}: ${s.values.length} of ${s.runs} runs` : "").filter(Boolean);
  if (partial.length > 0) return partial.join("; ");
  if (base.median === 0) return "baseline 0";
  return void 0;
}
function row(section, group, name, metric, baseline, candidate) {
  const b = summarize(baseline.runs, metric);
  const c = summarize(candidate.runs, metric);
  const change2 = b.median !== void 0 && c.median !== void 0 ? c.median - b.median : void 0;
  const percent = change2 !== void 0 && b.median !== void 0 && b.median !== 0 ? change2 / Math.abs(b.median) * 100 : void 0;
  const note = rowNote(b, c);
  const strip = ({ lookups: _lookups, ...summary }) => summary;
  return {
    section,
    metric,
    group,
    name,
    unit: metricUnit(metric)?.symbol,
    baseline: strip(b),
    candidate: strip(c),
    change: change2,
    percent,
    ...note ? { note } : {}
  };
}
function leafPaths(node, deep, prefix = "") {
  if (!isObject(node)) return [];
  const out = [];
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "number" || value === null) out.push(path);
    else if (deep && isObject(value)) out.push(...leafPaths(value, deep, path));
  }
  return out;
}
function qualityEntries(run2) {
  const metrics = run2.eval;
  if (!metrics) return [];
  const entries = [];
  const references = isObject(metrics.vs_reference) ? metrics.vs_reference : {};
  for (const [ref, block] of Object.entries(references)) {
    for (const name of leafPaths(block, true)) entries.push({ group: ref, name, metric: `eval.vs_reference.${ref}.${name}` });
  }
  const intrinsic = isObject(metrics.intrinsic) ? metrics.intrinsic : {};
  for (const group of ["gates", "performance"]) {
    for (const name of leafPaths(intrinsic[group], false)) entries.push({ group, name, metric: `eval.intrinsic.${group}.${name}` });
  }
  if (isObject(intrinsic.length) && "avg_tokens" in intrinsic.length) {
    entries.push({ group: "length", name: "avg_tokens", metric: "eval.intrinsic.length.avg_tokens" });
  }
  return entries;
}
var LLM_STAGE_KEY = /^llm_(.+)_(calls|input_tokens|output_tokens|cost_usd)$/;
function costEntries(run2) {
  const entries = [];
  const intrinsic = isObject(run2.eval?.intrinsic) ? run2.eval.intrinsic : {};
  for (const name of leafPaths(intrinsic.cost, false)) entries.push({ group: "eval cost", name, metric: `eval.intrinsic.cost.${name}` });
  for (const name of leafPaths(run2.cost, false)) {
    const stage = LLM_STAGE_KEY.exec(name)?.[1];
    if (stage !== void 0) entries.push({ group: stage, name, metric: `cost.${name}` });
    else if (name.startsWith("total_")) entries.push({ group: "totals", name, metric: `cost.${name}` });
  }
  return entries;
}
function entryRows(section, pick, baseline, candidate) {
  const byMetric = /* @__PURE__ */ new Map();
  const orders = [...baseline.runs, ...candidate.runs].map(
    (run2) => pick(run2).map((entry) => {
      byMetric.set(entry.metric, entry);
      return entry.metric;
    })
  );
  return mergeOrders(orders).map((metric) => {
    const entry = byMetric.get(metric);
    return row(section, entry.group, entry.name, metric, baseline, candidate);
  });
}
function diffSides(baseline, candidate) {
  const all = [...baseline.runs, ...candidate.runs];
  const stages = stageNames(all);
  const rows = [];
  for (const stage of stages) {
    for (const q of STAGE_QUANTITIES) rows.push(row("stages", stage, q, `profile.stages.${stage}.${q}`, baseline, candidate));
  }
  for (const q of TOTAL_QUANTITIES) rows.push(row("totals", "totals", q, `profile.totals.${q}`, baseline, candidate));
  if (all.some((run2) => run2.truth !== void 0)) {
    for (const q of TRUTH_QUANTITIES) rows.push(row("truth", "stage_truth", q, `truth.${q}`, baseline, candidate));
  }
  rows.push(...entryRows("quality", qualityEntries, baseline, candidate));
  rows.push(...entryRows("cost", costEntries, baseline, candidate));
  return {
    baseline: { labels: baseline.runs.map((r) => r.label) },
    candidate: { labels: candidate.runs.map((r) => r.label) },
    stages,
    rows
  };
}

// src/inputs/cli-args.ts
function parseCliArgs(command, specs, argv) {
  const values = {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = spec.type === "list" ? [] : spec.type === "boolean" ? false : spec.default;
  }
  const positionals = [];
  let rest = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--") {
      rest = argv.slice(i + 1);
      break;
    }
    if (!word.startsWith("--")) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = word.slice(2, eq === -1 ? void 0 : eq);
    const spec = specs[name];
    if (!spec) {
      throw new UserError(`${command}: unknown option --${name}`, [`known options: ${Object.keys(specs).map((n) => `--${n}`).join(", ")}`]);
    }
    const inline = eq === -1 ? void 0 : word.slice(eq + 1);
    if (spec.type === "boolean") {
      if (inline !== void 0 && inline !== "true" && inline !== "false") {
        throw new UserError(`${command}: --${name} takes no value (or =true / =false), got "${inline}"`);
      }
      values[name] = inline !== "false";
      continue;
    }
    const taken = inline !== void 0 ? [inline] : [];
    if (inline === void 0) {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        taken.push(argv[++i]);
        if (spec.type === "string") break;
      }
    }
    if (taken.length === 0) throw new UserError(`${command}: --${name} needs a value (${spec.description})`);
    if (spec.type === "list") values[name].push(...taken);
    else values[name] = taken[0];
  }
  return { options: values, positionals, rest };
}
function usage(command, synopsis, specs) {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const arg = spec.type === "boolean" ? "" : spec.type === "list" ? " V\u2026" : " V";
    const def = spec.type === "string" && spec.default !== void 0 ? ` (default ${spec.default})` : "";
    return `  --${name}${arg}`.padEnd(30) + spec.description + def;
  });
  return `usage: optimization-gate ${command} ${synopsis}
${lines.join("\n")}`;
}

// src/report/markdown.ts
function cell(text2) {
  return text2.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
function code(text2) {
  const clean = text2.replace(/\r?\n/g, " ");
  return clean.includes("`") ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
function table(header, rows, options = {}) {
  const align = header.map((_, i) => options.align?.[i] === "r" ? "---:" : "---");
  const shown = options.maxRows !== void 0 ? rows.slice(0, options.maxRows) : rows;
  const lines = [
    `| ${header.map(cell).join(" | ")} |`,
    `|${align.join("|")}|`,
    ...shown.map((r) => `| ${r.map(cell).join(" | ")} |`)
  ];
  const cut = rows.length - shown.length;
  if (cut > 0) lines.push("", `_\u2026 ${cut} more row${cut === 1 ? "" : "s"} not shown${options.moreAt ? ` (see ${options.moreAt})` : ""}._`);
  return lines.join("\n");
}
function details(summary, body, open = false) {
  return `<details${open ? " open" : ""}><summary>${summary}</summary>

${body}

</details>`;
}

// src/report/diff-tables.ts
var NONE = "\u2014";
function formatMedian(value, metric) {
  return value === void 0 ? NONE : formatValue(value, metricUnit(metric));
}
function formatChange(row2) {
  return row2.change === void 0 ? NONE : formatSigned(row2.change, metricUnit(row2.metric));
}
function formatRowPercent(row2) {
  return row2.percent === void 0 ? NONE : formatPercent(row2.percent);
}
function transition(row2) {
  if (!row2) return NONE;
  const b = formatMedian(row2.baseline.median, row2.metric);
  const c = formatMedian(row2.candidate.median, row2.metric);
  const tail = row2.percent !== void 0 ? formatPercent(row2.percent) : row2.note;
  return `${b} \u2192 ${c}${tail ? ` (${tail})` : ""}`;
}
function rowsOf(diff, section) {
  return diff.rows.filter((r) => r.section === section);
}
function medianNote(diff) {
  const nb = diff.baseline.labels.length;
  const nc = diff.candidate.labels.length;
  return nb > 1 || nc > 1 ? ` Values are medians over ${nb} baseline / ${nc} candidate runs.` : "";
}
function stageTable(diff, maxRows = 60) {
  const find = (section, group, name) => diff.rows.find((r) => r.section === section && r.group === group && r.name === name);
  const cut = Math.max(0, diff.stages.length - maxRows);
  const rows = diff.stages.slice(0, maxRows).map((stage) => [
    stage,
    transition(find("stages", stage, "wall_time_s")),
    transition(find("stages", stage, "peak_rss_mb")),
    transition(find("stages", stage, "avg_cpu_pct"))
  ]);
  rows.push([
    "**total**",
    `**${transition(find("totals", "totals", "wall_time_s"))}**`,
    `**${transition(find("totals", "totals", "peak_rss_mb"))}**`,
    NONE
  ]);
  const perEpisode = find("totals", "totals", "avg_wall_time_per_episode_s");
  const lines = [
    table(["Stage", "Wall time", "Peak memory", "CPU (% of one core)"], rows),
    "",
    ...cut > 0 ? [`_\u2026 ${cut} more stages not shown (see \`optimization-gate diff --format json\`)._`, ""] : [],
    `Each cell: baseline \u2192 candidate (change).${medianNote(diff)}`
  ];
  if (perEpisode && (perEpisode.baseline.median !== void 0 || perEpisode.candidate.median !== void 0)) {
    lines.push(`Wall time per episode: ${transition(perEpisode)}.`);
  }
  const truth = rowsOf(diff, "truth");
  if (truth.length > 0) {
    lines.push(`stage_truth: ${truth.map((r) => `${r.name} ${transition(r)}`).join("; ")}.`);
  }
  return lines.join("\n");
}
function numberTable(rows, maxRows, moreAt) {
  return table(
    ["Group", "Metric", "Baseline", "Candidate", "Change", "%"],
    rows.map((r, i) => [
      // The group is written once, on its first row, to keep long reference ids from repeating.
      i > 0 && rows[i - 1]?.group === r.group ? "" : r.group,
      r.name,
      formatMedian(r.baseline.median, r.metric),
      formatMedian(r.candidate.median, r.metric),
      formatChange(r),
      r.percent !== void 0 ? formatPercent(r.percent) : r.note ?? NONE
    ]),
    { align: "llrrrr", maxRows, moreAt }
  );
}
function qualityTable(diff, maxRows = 80, moreAt = "gate.json / `diff --format json`") {
  const rows = rowsOf(diff, "quality");
  if (rows.length === 0) return void 0;
  return `${numberTable(rows, maxRows, moreAt)}

Metric paths are \`eval.vs_reference.<group>.<metric>\` or \`eval.intrinsic.<group>.<metric>\`.`;
}
function costTable(diff, maxRows = 80, moreAt = "gate.json / `diff --format json`") {
  const rows = rowsOf(diff, "cost");
  if (rows.length === 0) return void 0;
  const bothZero = (r) => r.baseline.median === 0 && r.candidate.median === 0;
  const shown = rows.filter((r) => !bothZero(r));
  const hidden = rows.length - shown.length;
  const parts = [];
  if (shown.length > 0) parts.push(numberTable(shown, maxRows, moreAt));
  if (hidden > 0) parts.push(`${shown.length > 0 ? "" : "No cost recorded: "}${hidden} cost metric${hidden === 1 ? " is" : "s are"} 0 on both sides${shown.length > 0 ? " (not listed)" : ""}.`);
  parts.push(`Metric paths are ${code("cost.<metric>")} (eval_pipeline_metrics.json) or ${code("eval.intrinsic.cost.<metric>")}.`);
  return parts.join("\n\n");
}

// src/report/chart.ts
var BASELINE_COLOUR = "#8c959f";
var CANDIDATE_COLOUR = "#0969da";
function quoted(text2) {
  return `"${text2.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`;
}
function rounded(value) {
  return String(Math.round(value * 1e3) / 1e3);
}
function stageWallChart(diff, options = {}) {
  const walls = diff.stages.map((stage) => {
    const row2 = diff.rows.find((r) => r.section === "stages" && r.group === stage && r.name === "wall_time_s");
    return { stage, baseline: row2?.baseline.median, candidate: row2?.candidate.median };
  });
  if (walls.every((w) => w.baseline === void 0 && w.candidate === void 0)) return void 0;
  const maxStages = options.maxStages ?? 20;
  const biggest = [...walls].sort((a, b) => Math.max(b.baseline ?? 0, b.candidate ?? 0) - Math.max(a.baseline ?? 0, a.candidate ?? 0));
  const kept = new Set(biggest.slice(0, maxStages).map((w) => w.stage));
  const shown = walls.filter((w) => kept.has(w.stage));
  const labels = [];
  const baseSeries = [];
  const candSeries = [];
  for (const w of shown) {
    labels.push(quoted(`${w.stage} \xB7 base${w.baseline === void 0 ? " (absent)" : ""}`));
    labels.push(quoted(`${w.stage} \xB7 cand${w.candidate === void 0 ? " (absent)" : ""}`));
    baseSeries.push(rounded(w.baseline ?? 0), "0");
    candSeries.push("0", rounded(w.candidate ?? 0));
  }
  const top = Math.max(...shown.map((w) => Math.max(w.baseline ?? 0, w.candidate ?? 0)));
  const lines = [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${BASELINE_COLOUR}, ${CANDIDATE_COLOUR}"}}}}%%`,
    "xychart-beta horizontal",
    `  title ${quoted("Wall time per stage (s): grey = baseline, blue = candidate")}`,
    `  x-axis [${labels.join(", ")}]`,
    `  y-axis ${quoted("seconds")} 0 --> ${rounded(top > 0 ? top * 1.05 : 1)}`,
    `  bar [${baseSeries.join(", ")}]`,
    `  bar [${candSeries.join(", ")}]`,
    "```"
  ];
  const cut = walls.length - shown.length;
  if (cut > 0) lines.push("", `_${cut} shorter stage${cut === 1 ? "" : "s"} not charted._`);
  return lines.join("\n");
}

// src/report/diff-format.ts
var DIFF_FORMATS = ["md", "json", "text"];
var DIFF_JSON_SCHEMA = "optimization-gate/diff@1";
function titleOf(diff) {
  return `${diff.baseline.labels.join(", ")} \u2192 ${diff.candidate.labels.join(", ")}`;
}
function renderDiffMarkdown(diff) {
  const parts = [`### Diff: ${titleOf(diff)}`, "#### Stages (time, memory, CPU)", stageTable(diff, 200)];
  const chart = stageWallChart(diff);
  if (chart) parts.push(chart);
  const quality = qualityTable(diff, 500, "diff --format json");
  if (quality) parts.push("#### Quality", quality);
  const cost = costTable(diff, 500, "diff --format json");
  if (cost) parts.push("#### Cost", cost);
  return `${parts.join("\n\n")}
`;
}
function renderDiffText(diff) {
  const rows = diff.rows.map((r) => [r.metric, formatMedian(r.baseline.median, r.metric), formatMedian(r.candidate.median, r.metric), formatChange(r), percentOrNote(r)]);
  const header = ["metric", "baseline", "candidate", "change", "%"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join("  ").trimEnd();
  return `${[`diff: ${titleOf(diff)}`, "", line(header), ...rows.map(line)].join("\n")}
`;
}
function percentOrNote(r) {
  const pct = formatRowPercent(r);
  if (pct !== NONE) return r.note ? `${pct} (${r.note})` : pct;
  return r.note ?? NONE;
}
function finite(value) {
  return value !== void 0 && Number.isFinite(value) ? value : null;
}
function renderDiffJson(diff) {
  const data = {
    schema: DIFF_JSON_SCHEMA,
    baseline: diff.baseline,
    candidate: diff.candidate,
    stages: diff.stages,
    rows: diff.rows.map((r) => ({
      section: r.section,
      metric: r.metric,
      group: r.group,
      name: r.name,
      unit: r.unit ?? null,
      baseline: { values: r.baseline.values, median: finite(r.baseline.median), runs: r.baseline.runs, problems: r.baseline.problems },
      candidate: { values: r.candidate.values, median: finite(r.candidate.median), runs: r.candidate.runs, problems: r.candidate.problems },
      change: finite(r.change),
      percent: finite(r.percent),
      note: r.note ?? null
    }))
  };
  return `${JSON.stringify(data, (_k, v) => typeof v === "number" && !Number.isFinite(v) ? null : v, 2)}
`;
}
function renderDiff(diff, format) {
  switch (format) {
    case "md":
      return renderDiffMarkdown(diff);
    case "json":
      return renderDiffJson(diff);
    case "text":
      return renderDiffText(diff);
  }
}

// src/compare/loaders.ts
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

// src/formats/profile.ts
var import_yaml = __toESM(require_dist(), 1);
function validateProfile(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    v.string(root.release, "release");
    v.string(root.date, "date");
    v.string(root.dataset_id, "dataset_id");
    v.number(root.episodes_processed, "episodes_processed", { optional: true, nullable: true });
    v.object(root.environment, "environment");
    v.record(root.stages, "stages", (stage, path) => {
      const s = v.object(stage, path);
      if (!s) return;
      v.number(s.wall_time_s, `${path}.wall_time_s`);
      v.number(s.peak_rss_mb, `${path}.peak_rss_mb`);
      v.number(s.avg_cpu_pct, `${path}.avg_cpu_pct`);
    });
    const totals = v.object(root.totals, "totals");
    if (totals) {
      v.number(totals.peak_rss_mb, "totals.peak_rss_mb");
      v.number(totals.wall_time_s, "totals.wall_time_s");
      v.number(totals.avg_wall_time_per_episode_s, "totals.avg_wall_time_per_episode_s", { optional: true, nullable: true });
      v.string(totals.sampling_note, "totals.sampling_note", { optional: true });
      v.string(totals.memory_metric, "totals.memory_metric", { optional: true });
    }
    v.object(root.promoted, "promoted", { optional: true, nullable: true });
    v.string(root.status, "status", { optional: true });
  }
  v.finish();
  return data;
}

// src/formats/stage-truth.ts
function validateStageTruth(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    v.number(root.profile_stage_truth_version, "profile_stage_truth_version");
    v.string(root.release, "release");
    v.string(root.dataset_id, "dataset_id");
    v.string(root.source_metrics_path, "source_metrics_path", { optional: true, nullable: true });
    v.number(root.sample_interval_s, "sample_interval_s");
    v.number(root.run_wall_s, "run_wall_s");
    v.number(root.sum_mapped_stage_wall_s, "sum_mapped_stage_wall_s");
    v.number(root.parallelism_hint_ratio, "parallelism_hint_ratio", { nullable: true });
    v.record(root.wall_seconds_by_stage, "wall_seconds_by_stage", (wall, path) => v.number(wall, path));
    v.record(root.resource_by_stage_psutil, "resource_by_stage_psutil", (stage, path) => {
      const s = v.object(stage, path);
      if (!s) return;
      v.number(s.peak_rss_mb, `${path}.peak_rss_mb`);
      v.number(s.avg_cpu_pct, `${path}.avg_cpu_pct`);
    });
    v.number(root.global_peak_rss_mb_sampled, "global_peak_rss_mb_sampled");
    v.object(root.metrics_excerpt, "metrics_excerpt", { optional: true, nullable: true });
    v.object(root.rfc065_monitor, "rfc065_monitor", { optional: true, nullable: true });
  }
  v.finish();
  return data;
}

// src/formats/eval-outputs.ts
var EVAL_METRICS_FILE = "metrics.json";
var PIPELINE_METRICS_FILE = "eval_pipeline_metrics.json";
function numbersOrNull(v, obj, path) {
  if (!obj) return;
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === "number" || value === null) v.number(value, `${path}.${key}`, { nullable: true });
  }
}
function validateEvalMetrics(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    const intrinsic = v.object(root.intrinsic, "intrinsic", { optional: true });
    if (intrinsic) {
      const gates = v.object(intrinsic.gates, "intrinsic.gates", { optional: true });
      if (gates) {
        for (const [key, value] of Object.entries(gates)) {
          if (key.endsWith("_rate")) v.number(value, `intrinsic.gates.${key}`, { nullable: true });
        }
        if (gates.failed_episodes !== void 0 && !Array.isArray(gates.failed_episodes)) {
          v.problem("intrinsic.gates.failed_episodes", "a list", gates.failed_episodes);
        }
      }
      const performance = v.object(intrinsic.performance, "intrinsic.performance", { optional: true });
      for (const [key, value] of Object.entries(performance ?? {})) {
        v.number(value, `intrinsic.performance.${key}`, { nullable: true });
      }
      numbersOrNull(v, v.object(intrinsic.cost, "intrinsic.cost", { optional: true, nullable: true }), "intrinsic.cost");
    }
    const references = v.object(root.vs_reference, "vs_reference", { optional: true, nullable: true });
    for (const [refId, ref] of Object.entries(references ?? {})) {
      if (!isObject(ref)) {
        v.problem(`vs_reference.${refId}`, "a mapping", ref);
        continue;
      }
      numbersOrNull(v, ref, `vs_reference.${refId}`);
    }
  }
  v.finish();
  return data;
}
var PIPELINE_NUMERIC = /^(llm_.*_(calls|input_tokens|output_tokens|cost_usd)|total_.*_(usd|tokens))$/;
function validatePipelineMetrics(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    for (const [key, value] of Object.entries(root)) {
      if (PIPELINE_NUMERIC.test(key)) v.number(value, key, { nullable: true });
    }
    v.record(
      root.llm_token_totals_by_stage,
      "llm_token_totals_by_stage",
      (stage, path) => numbersOrNull(v, v.object(stage, path), path),
      { optional: true }
    );
  }
  v.finish();
  return data;
}

// src/formats/parse.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code2 = error.code;
    throw new InputFileError(file, [code2 === "ENOENT" ? "file not found" : `cannot read (${code2 ?? "unknown error"})`]);
  }
}
function parseJsonText(text2, file) {
  try {
    return JSON.parse(text2);
  } catch (error) {
    throw new InputFileError(file, [`not valid JSON: ${error.message}`]);
  }
}
function parseYamlText(text2, file) {
  const doc = (0, import_yaml2.parseDocument)(text2, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputFileError(
      file,
      doc.errors.map((e) => `line ${e.linePos?.[0].line ?? "?"}: ${e.message.split("\n")[0] ?? e.message}`)
    );
  }
  return doc.toJS();
}
function readJson(file) {
  return parseJsonText(readText(file), file);
}
function readYaml(file) {
  return parseYamlText(readText(file), file);
}

// src/compare/loaders.ts
function profileStem(profilePath) {
  return profilePath.replace(/\.ya?ml$/i, "");
}
function stageTruthPathFor(profilePath) {
  return `${profileStem(profilePath)}.stage_truth.json`;
}
function evalDirCandidates(profilePath) {
  return [`${profileStem(profilePath)}.eval`, dirname(profilePath)];
}
function loadProfileFile(path) {
  return validateProfile(readYaml(path), path);
}
function loadStageTruthFile(path) {
  return validateStageTruth(readJson(path), path);
}
function loadMeasuredRun(profilePath, options = {}) {
  const profile = loadProfileFile(profilePath);
  const truthPath = stageTruthPathFor(profilePath);
  const truth = existsSync(truthPath) ? loadStageTruthFile(truthPath) : void 0;
  let evalDir;
  if (options.evalDir !== void 0) {
    if (!existsSync(options.evalDir) || !statSync(options.evalDir).isDirectory()) {
      throw new UserError(`eval output directory not found: ${options.evalDir}`);
    }
    evalDir = options.evalDir;
  } else {
    evalDir = evalDirCandidates(profilePath).find(
      (dir) => existsSync(join(dir, EVAL_METRICS_FILE)) || existsSync(join(dir, PIPELINE_METRICS_FILE))
    );
  }
  const evalPath = evalDir !== void 0 ? join(evalDir, EVAL_METRICS_FILE) : void 0;
  const costPath = evalDir !== void 0 ? join(evalDir, PIPELINE_METRICS_FILE) : void 0;
  const evalMetrics = evalPath && existsSync(evalPath) ? validateEvalMetrics(readJson(evalPath), evalPath) : void 0;
  const costMetrics = costPath && existsSync(costPath) ? validatePipelineMetrics(readJson(costPath), costPath) : void 0;
  return {
    label: basename(profilePath),
    files: {
      profile: profilePath,
      ...truth ? { truth: truthPath } : {},
      ...evalMetrics && evalPath ? { eval: evalPath } : {},
      ...costMetrics && costPath ? { cost: costPath } : {}
    },
    profile,
    ...truth ? { truth } : {},
    ...evalMetrics ? { eval: evalMetrics } : {},
    ...costMetrics ? { cost: costMetrics } : {}
  };
}

// src/cli/sides.ts
function pairEvalDirs(flag, dirs, count, profilesFlag) {
  if (dirs.length === 0) return Array.from({ length: count }, () => void 0);
  if (dirs.length === 1) return Array.from({ length: count }, () => dirs[0]);
  if (dirs.length === count) return [...dirs];
  throw new UserError(
    `--${flag} got ${dirs.length} directories for ${count} ${profilesFlag} run${count === 1 ? "" : "s"}`,
    ["give one directory (used for every run) or exactly one per run, in the same order"]
  );
}
function loadSide(name, profiles, evalDirs, flags) {
  if (profiles.length === 0) throw new UserError(`no ${name} profile given (${flags.profiles})`);
  const dirs = pairEvalDirs(flags.evalDirs, evalDirs, profiles.length, flags.profiles);
  return {
    name,
    runs: profiles.map((profile, i) => {
      const evalDir = dirs[i];
      return loadMeasuredRun(profile, evalDir !== void 0 ? { evalDir } : {});
    })
  };
}

// src/cli/diff.ts
var NAME = "diff";
var SYNOPSIS = "BASE.yaml CAND.yaml [options]";
var OPTIONS = {
  format: { type: "string", default: "text", description: `output format: ${DIFF_FORMATS.join(" | ")}` },
  "eval-baseline": { type: "string", description: "directory of the baseline's metrics.json / eval_pipeline_metrics.json" },
  "eval-candidate": { type: "string", description: "directory of the candidate's eval outputs" },
  help: { type: "boolean", description: "show this help" }
};
function isFormat(value) {
  return DIFF_FORMATS.includes(value);
}
var diffCommand = {
  summary: "diff two profiles (with their stage_truth and eval outputs): stages, totals, quality, cost",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    if (positionals.length !== 2) {
      throw new UserError(`expected two profile YAMLs (BASE CAND), got ${positionals.length}; see \`optimization-gate ${NAME} --help\``);
    }
    if (!isFormat(options.format)) throw new UserError(`--format expects ${DIFF_FORMATS.join(", ")}, got "${options.format}"`);
    const [base, cand] = positionals;
    const evalBase = options["eval-baseline"];
    const evalCand = options["eval-candidate"];
    const baseline = loadSide("baseline", [base], evalBase !== void 0 ? [evalBase] : [], { profiles: "BASE", evalDirs: "eval-baseline" });
    const candidate = loadSide("candidate", [cand], evalCand !== void 0 ? [evalCand] : [], { profiles: "CAND", evalDirs: "eval-candidate" });
    process.stdout.write(renderDiff(diffSides(baseline, candidate), options.format));
    return Promise.resolve(0);
  }
};

// src/cli/gate.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join as join2, resolve } from "node:path";

// src/compare/decision.ts
var FAIL_ON_VALUES = ["reject", "iterate", "never"];
function verdictCounts(v) {
  return !(v.optional && v.verdict === "missing");
}
function decide(input) {
  const counted = input.verdicts.filter(verdictCounts);
  const bad = (kind, verdict) => counted.filter((v) => v.kind === kind && v.verdict === verdict);
  const line = (v) => `${v.kind} ${v.metric} ${v.verdict === "missing" ? "is missing" : v.verdict === "fail" ? "failed" : "is inconclusive"}: ${v.summary}`;
  const rejectReasons = [
    ...input.blockers,
    ...input.failedRuns.map((r) => `measured run failed: ${r}`),
    ...bad("guardrail", "fail").map(line),
    ...bad("guardrail", "missing").map(line)
  ];
  const iterateReasons = [
    ...bad("target", "fail").map(line),
    ...bad("target", "missing").map(line),
    ...counted.filter((v) => v.verdict === "inconclusive").map(line)
  ];
  if (rejectReasons.length > 0) return { decision: "reject", reasons: [...rejectReasons, ...iterateReasons] };
  if (iterateReasons.length > 0) return { decision: "iterate", reasons: iterateReasons };
  return { decision: "ship", reasons: [] };
}
function passesFailOn(decision, failOn) {
  switch (failOn) {
    case "never":
      return true;
    case "iterate":
      return decision === "ship";
    case "reject":
      return decision !== "reject";
  }
}

// src/compare/host.ts
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function runHost(side2, run2) {
  const env = run2.profile.environment;
  return { side: side2, label: run2.label, hostname: text(env.hostname), cpu: text(env.cpu_model) ?? text(env.cpu) };
}
function whoHas(group, all) {
  const parts = [];
  for (const sideName of ["baseline", "candidate"]) {
    const mine = group.filter((r) => r.side === sideName);
    const total = all.filter((r) => r.side === sideName).length;
    if (mine.length === 0) continue;
    if (mine.length === total && total > 1) parts.push(`all ${total} ${sideName} runs`);
    else {
      const labels = mine.slice(0, 3).map((r) => r.label);
      parts.push(`${sideName} ${labels.join(", ")}${mine.length > 3 ? ` and ${mine.length - 3} more` : ""}`);
    }
  }
  return parts.join("; ");
}
function difference(attribute, runs, pick) {
  const groups = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    const value = pick(run2) ?? "(not recorded)";
    groups.set(value, [...groups.get(value) ?? [], run2]);
  }
  if (groups.size <= 1) return void 0;
  const parts = [...groups.entries()].map(([value, who]) => `${value} (${whoHas(who, runs)})`);
  return `${attribute} differs: ${parts.join(" vs ")}`;
}
function checkHosts(baseline, candidate) {
  const runs = [...baseline.runs.map((r) => runHost("baseline", r)), ...candidate.runs.map((r) => runHost("candidate", r))];
  const differences = [difference("hostname", runs, (r) => r.hostname), difference("CPU model", runs, (r) => r.cpu)].filter(
    (d) => d !== void 0
  );
  return { comparable: differences.length === 0, runs, differences };
}

// src/compare/thresholds/block.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/compare/thresholds/rule.ts
var ok = (value) => ({ ok: true, value });
var expect = (expected) => ({ ok: false, expected });
var RULE_EXAMPLES = "`<= -20%`, `>= -0.01`, `<= 650MB`";
var RULE_EXPECTED = `a rule OP VALUE[UNIT], e.g. ${RULE_EXAMPLES}`;
var METRIC_EXPECTED = `a dotted metric path starting with ${METRIC_SOURCES.map((s) => `\`${s}.\``).join(", ")}, e.g. \`profile.totals.wall_time_s\``;
var OPERATORS = [
  ["<=", "<="],
  [">=", ">="],
  ["\u2264", "<="],
  ["\u2265", ">="],
  ["<", "<"],
  [">", ">"]
];
var VALUE = /^([+\-−]?)\s*(\$?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(.*)$/;
var SEGMENT = /^[A-Za-z0-9_-]+$/;
function checkMetric(metric) {
  const path = metric.trim();
  if (path === "") return expect(METRIC_EXPECTED);
  if (/\s/.test(path)) return expect(`${METRIC_EXPECTED} (no spaces)`);
  const segments = path.split(".");
  const source = segments[0];
  if (!METRIC_SOURCES.includes(source)) return expect(METRIC_EXPECTED);
  if (segments.length < 2) return expect(`a path inside the \`${source}\` document after \`${source}.\`, e.g. \`profile.totals.wall_time_s\``);
  for (const segment of segments.slice(1)) {
    if (segment === "*") continue;
    if (segment.includes("*")) {
      return expect(`\`*\` only as a whole path segment (it matches one segment), e.g. \`profile.stages.*.peak_rss_mb\``);
    }
    if (segment === "") return expect(`${METRIC_EXPECTED} (no empty segment between dots)`);
    if (!SEGMENT.test(segment)) return expect(`path segments made of letters, digits, \`_\` and \`-\` (or \`*\`), got \`${segment}\``);
  }
  return ok(path);
}
function unitNames(unit) {
  switch (unit.dimension) {
    case "time":
      return "s, ms, min, h";
    case "memory":
      return "B, KB, MB, GB, KiB, MiB, GiB (MB = MiB)";
    case "money":
      return "$, USD";
    case "cpu":
      return "";
  }
}
function checkRule(text2, metric) {
  const written = text2.trim();
  const operator = OPERATORS.find(([symbol2]) => written.startsWith(symbol2));
  if (!operator) return expect(`${RULE_EXPECTED}; OP is one of <=, <, >=, >`);
  const [symbol, op] = operator;
  const rest = written.slice(symbol.length).trim();
  if (rest.startsWith("=")) return expect(`${RULE_EXPECTED}; OP is one of <=, <, >=, >`);
  const match = VALUE.exec(rest);
  if (!match) return expect(RULE_EXPECTED);
  const [, sign, dollar, digits, suffix] = match;
  const signed = sign === "" ? 1 : sign === "+" ? 1 : -1;
  const number = Number(digits) === 0 ? 0 : signed * Number(digits);
  if (!Number.isFinite(number)) return expect(`a finite number, e.g. ${RULE_EXAMPLES}`);
  if (suffix.startsWith("%")) {
    if (dollar !== "" || suffix.trim() !== "%") {
      return expect("a relative change in % with no unit, e.g. `<= -20%` (a % rule compares with the baseline)");
    }
    return ok({ op, form: "relative", value: number, unit: "%", text: written });
  }
  const form = sign === "" ? "absolute" : "delta";
  const unitText = dollar !== "" ? suffix === "" ? "$" : `$ ${suffix}` : suffix;
  if (unitText === "") return ok({ op, form, value: number, text: written });
  const from = dollar !== "" && suffix === "" ? ruleUnit("$") : ruleUnit(unitText);
  if (!from) return expect(`a known unit (${KNOWN_RULE_UNITS.join(", ")}) or none, got \`${unitText}\``);
  const to = metricUnit(metric);
  if (!to) {
    return expect(
      `no unit: \`${metric}\` has none (only names ending in _s, _ms, _mb, _gb, _usd, _pct carry one), e.g. \`${symbol} ${sign}${digits}\``
    );
  }
  const converted = convertUnit(number, from, to);
  if (converted === void 0 && to.dimension === "cpu") {
    return expect(`a number without a unit: \`${metric}\` is in % of one core, e.g. \`${symbol} ${sign}${digits}\``);
  }
  if (converted === void 0) {
    return expect(`a ${to.dimension} unit for \`${metric}\` (in ${to.symbol}): ${unitNames(to)}`);
  }
  return ok({ op, form, value: Number(converted.toPrecision(12)), unit: unitText, text: written });
}
function checkKind(raw) {
  if (raw === void 0) return ok("guardrail");
  const word = typeof raw === "string" ? raw.trim().toLowerCase() : void 0;
  if (word === "") return ok("guardrail");
  if (word === "guardrail" || word === "target") return ok(word);
  return expect("a kind `guardrail` (must not regress; the default) or `target` (the improvement sought)");
}
function checkOptional(raw) {
  if (raw === void 0) return ok(false);
  if (typeof raw === "boolean") return ok(raw);
  const word = typeof raw === "string" ? raw.trim().toLowerCase() : void 0;
  if (word === "") return ok(false);
  if (word === "yes" || word === "true") return ok(true);
  if (word === "no" || word === "false") return ok(false);
  return expect("`optional` as yes / no / true / false");
}

// src/compare/thresholds/draft.ts
function problemAt(field, expected, origin) {
  return { line: field.line, text: field.text, expected, origin };
}
function buildThreshold(draft, problems) {
  const before = problems.length;
  const { origin } = draft;
  const metric = checkMetric(draft.metric.raw);
  if (!metric.ok) problems.push(problemAt(draft.metric, metric.expected, origin));
  let rule;
  if (typeof draft.rule.raw === "string") {
    rule = checkRule(draft.rule.raw, draft.metric.raw.trim());
    if (!rule.ok) problems.push(problemAt(draft.rule, rule.expected, origin));
  } else if (draft.rule.raw === null || draft.rule.raw === void 0) {
    problems.push(problemAt(draft.rule, `a rule OP VALUE[UNIT] for the metric, e.g. ${RULE_EXAMPLES}`, origin));
  } else if (typeof draft.rule.raw === "number") {
    problems.push(problemAt(draft.rule, `a rule with an operator, in quotes, e.g. \`">= ${draft.rule.raw}"\` or \`"<= ${draft.rule.raw}"\``, origin));
  } else {
    problems.push(problemAt(draft.rule, `a rule OP VALUE[UNIT] as text, e.g. ${RULE_EXAMPLES}`, origin));
  }
  const kind = checkKind(draft.kind?.raw);
  if (!kind.ok && draft.kind) problems.push(problemAt(draft.kind, kind.expected, origin));
  const optional = checkOptional(draft.optional?.raw);
  if (!optional.ok && draft.optional) problems.push(problemAt(draft.optional, optional.expected, origin));
  if (problems.length > before || !metric.ok || !rule?.ok || !kind.ok || !optional.ok) return void 0;
  return { metric: metric.value, rule: rule.value, kind: kind.value, optional: optional.value, line: draft.line, origin };
}

// src/compare/thresholds/block.ts
var MAX_REPEAT = 50;
var TOP_KEYS = ["baseline", "repeat", "thresholds"];
var ENTRY_KEYS = ["rule", "kind", "optional"];
var keyList = (keys) => keys.map((k) => `\`${k}\``).join(", ");
function scalarText(node) {
  if (!(0, import_yaml3.isScalar)(node) || node.value === null || typeof node.value === "boolean") return void 0;
  return typeof node.source === "string" ? node.source : typeof node.value === "string" ? node.value : void 0;
}
function parseBlockYaml(lines, origin, emptyLine) {
  const counter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(lines.map((l) => l.text).join("\n"), { lineCounter: counter, uniqueKeys: false, prettyErrors: true });
  const out = { drafts: [], problems: [] };
  const badLines = /* @__PURE__ */ new Set();
  const sourceLine = (yamlLine) => lines[Math.min(Math.max(yamlLine, 1), lines.length) - 1] ?? { line: emptyLine.line, text: emptyLine.text };
  const fieldOf = (node, raw, fallback) => {
    if (!node?.range) return { ...fallback, raw };
    const at = sourceLine(counter.linePos(node.range[0]).line);
    return { raw, line: at.line, text: at.text.trim() };
  };
  const report = (field, expected) => {
    if (!badLines.has(field.line)) out.problems.push(problemAt(field, expected, origin));
  };
  for (const error of doc.errors) {
    const at = sourceLine(error.linePos?.[0].line ?? 1);
    const message = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    const valueAfterColon = /:\s*(.*)$/.exec(at.text)?.[1] ?? "";
    const expected = valueAfterColon.startsWith(">") ? `the rule in quotes: YAML reads a leading \`>\` as a folded text marker, e.g. \`">= -0.01"\`` : `valid YAML (${message})`;
    if (!badLines.has(at.line)) out.problems.push(problemAt({ line: at.line, text: at.text.trim() }, expected, origin));
    badLines.add(at.line);
  }
  const root = doc.contents;
  if (root === null || (0, import_yaml3.isScalar)(root) && root.value === null) {
    if (doc.errors.length === 0) report(emptyLine, `YAML with \`thresholds:\` (and optionally \`baseline:\`, \`repeat:\`) inside the block`);
    return out;
  }
  const rootField = fieldOf(root, void 0, emptyLine);
  if (!(0, import_yaml3.isMap)(root)) {
    report(rootField, `a mapping with the keys ${keyList(TOP_KEYS)}`);
    return out;
  }
  for (const { pair, name, key } of uniquePairs(root, fieldOf, emptyLine, report, "key")) {
    const value = pair.value;
    const valueField = fieldOf(value, (0, import_yaml3.isScalar)(value) ? value.value : void 0, key);
    switch (name) {
      case "baseline": {
        const text2 = scalarText(value)?.trim() ?? "";
        if (text2 === "") report(valueField, "`baseline:` naming the baseline, a repo path or a reference name (non-empty text)");
        else out.baseline = text2;
        break;
      }
      case "repeat": {
        const n = (0, import_yaml3.isScalar)(value) ? value.value : void 0;
        if (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT) out.repeat = n;
        else report(valueField, `\`repeat:\` a whole number of measured runs per side, from 1 to ${MAX_REPEAT}`);
        break;
      }
      case "thresholds":
        if (!(0, import_yaml3.isMap)(value) && !(doc.errors.length > 0 && (value === null || (0, import_yaml3.isScalar)(value) && value.value === null))) {
          report(valueField, 'under `thresholds:` a mapping of metric \u2192 rule, e.g. `profile.totals.wall_time_s: "<= -20%"`');
        } else if ((0, import_yaml3.isMap)(value)) readThresholds(value, origin, fieldOf, report, out.drafts, emptyLine);
        break;
      default:
        report(key, `one of the keys ${keyList(TOP_KEYS)}`);
    }
  }
  out.drafts = out.drafts.filter((d) => ![d.metric, d.rule, d.kind, d.optional].some((f) => f && badLines.has(f.line)));
  return out;
}
function uniquePairs(map, fieldOf, fallback, report, what) {
  const seen = /* @__PURE__ */ new Map();
  const pairs = [];
  for (const pair of map.items) {
    const keyNode = pair.key;
    const name = scalarText(keyNode);
    const key = fieldOf(keyNode, name, fallback);
    if (name === void 0) {
      const plain = what === "metric" ? "a metric path as the key, e.g. `profile.totals.wall_time_s`" : "a plain text key";
      report(key, (0, import_yaml3.isAlias)(keyNode) ? "a metric path, not a YAML alias (a path cannot start with `*`)" : plain);
      continue;
    }
    const first = seen.get(name);
    if (first !== void 0) {
      const hint = what === "metric" ? '; for several rules on one metric write a list: `metric: ["<= -20%", "<= 60s"]`' : "";
      report(key, `\`${name}\` only once (first at line ${first})${hint}`);
      continue;
    }
    seen.set(name, key.line);
    pairs.push({ pair, name, key });
  }
  return pairs;
}
function readThresholds(map, origin, fieldOf, report, drafts, fallback) {
  for (const { pair, name, key } of uniquePairs(map, fieldOf, fallback, report, "metric")) {
    const metric = { ...key, raw: name };
    const value = pair.value;
    const items = (0, import_yaml3.isSeq)(value) ? value.items : [value];
    if ((0, import_yaml3.isSeq)(value) && items.length === 0) report(key, "at least one rule in the list");
    for (const item of items) {
      const draft = readEntry(item, metric, origin, fieldOf, report, (0, import_yaml3.isSeq)(value));
      if (draft) drafts.push(draft);
    }
  }
}
function readEntry(node, metric, origin, fieldOf, report, inList) {
  const line = inList && node?.range ? fieldOf(node, void 0, metric).line : metric.line;
  if ((0, import_yaml3.isAlias)(node)) {
    report(fieldOf(node, void 0, metric), "a rule as text, not a YAML alias");
    return void 0;
  }
  if (!(0, import_yaml3.isMap)(node)) {
    return { metric, rule: fieldOf(node, (0, import_yaml3.isScalar)(node) ? node.value : null, metric), line, origin };
  }
  const draft = { metric, rule: { raw: null, line: metric.line, text: metric.text }, line, origin };
  let hasRule = false;
  for (const { pair, name, key } of uniquePairs(node, fieldOf, metric, report, "key")) {
    const value = pair.value;
    const field = fieldOf(value, (0, import_yaml3.isScalar)(value) ? value.value : value === null ? null : value, key);
    if (name === "rule") {
      draft.rule = field;
      hasRule = true;
    } else if (name === "kind") draft.kind = field;
    else if (name === "optional") draft.optional = field;
    else report(key, `one of the keys ${keyList(ENTRY_KEYS)}`);
  }
  if (!hasRule) {
    report(metric, '`rule:` in the entry, e.g. `{ rule: "<= -20%", kind: target }`');
    return void 0;
  }
  return draft;
}

// src/compare/thresholds/markdown.ts
function splitLines(text2) {
  return text2.split(/\r\n|\r|\n/);
}
var FENCE_OPEN = /^( *)(`{3,}|~{3,})(.*)$/;
var COMMENT_OPEN = /^ {0,3}<!--/;
function isClosingFence(text2, marker) {
  const match = /^ *(`{3,}|~{3,})\s*$/.exec(text2);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}
function dedent(text2, indent) {
  let i = 0;
  while (i < indent && text2[i] === " ") i++;
  return text2.slice(i);
}
function scanMarkdown(body) {
  const lines = splitLines(body);
  const fences = [];
  const prose = [];
  let i = 0;
  while (i < lines.length) {
    const text2 = lines[i];
    const open = FENCE_OPEN.exec(text2);
    if (open && !(open[2][0] === "`" && open[3].includes("`"))) {
      const [, indent, marker] = open;
      const block = { info: open[3].trim(), line: i + 1, fenceText: text2.trim(), content: [], closed: false };
      i++;
      while (i < lines.length && !isClosingFence(lines[i], marker)) {
        block.content.push({ line: i + 1, text: dedent(lines[i], indent.length) });
        i++;
      }
      block.closed = i < lines.length;
      fences.push(block);
      prose.push(void 0);
      i++;
      continue;
    }
    if (COMMENT_OPEN.test(text2)) {
      let closed = text2.includes("-->", text2.indexOf("<!--") + 4);
      while (!closed && i + 1 < lines.length) closed = lines[++i].includes("-->");
      prose.push(void 0);
      i++;
      continue;
    }
    prose.push({ line: i + 1, text: text2 });
    i++;
  }
  return { fences, tables: findTables(prose) };
}
function splitRow(text2) {
  let row2 = text2.trim();
  if (row2.startsWith("|")) row2 = row2.slice(1);
  if (row2.endsWith("|") && !row2.endsWith("\\|")) row2 = row2.slice(0, -1);
  const cells = [];
  let current = "";
  for (let i = 0; i < row2.length; i++) {
    const ch = row2[i];
    if (ch === "\\" && row2[i + 1] === "|") {
      current += "\\|";
      i++;
    } else if (ch === "|") {
      cells.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells.map((cell2) => {
    const raw = cell2.trim();
    return { raw, text: cellText(raw) };
  });
}
function cellText(raw) {
  let text2 = raw.replace(/\\\|/g, "|");
  const emphasis = /^(\*\*|__)(.*)\1$/.exec(text2);
  if (emphasis) text2 = emphasis[2].trim();
  const code2 = /^(`+)\s?(.*?)\s?\1$/.exec(text2);
  if (code2) text2 = code2[2];
  return text2.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&le;/g, "\u2264").replace(/&ge;/g, "\u2265").trim();
}
var DELIMITER_CELL = /^:?-+:?$/;
function isDelimiterRow(text2) {
  if (!text2.includes("|")) return false;
  const cells = splitRow(text2);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.raw));
}
function endsTable(text2) {
  return text2.trim() === "" || /^ {0,3}(#{1,6}(\s|$)|>)/.test(text2);
}
function findTables(prose) {
  const tables = [];
  let i = 0;
  while (i + 1 < prose.length) {
    const head = prose[i];
    const delimiter = prose[i + 1];
    if (!head || !delimiter || !head.text.includes("|") || !isDelimiterRow(delimiter.text)) {
      i++;
      continue;
    }
    const headerCells = splitRow(head.text);
    if (headerCells.length !== splitRow(delimiter.text).length) {
      i++;
      continue;
    }
    const table2 = { header: { line: head.line, raw: head.text.trim(), cells: headerCells }, rows: [] };
    i += 2;
    while (i < prose.length) {
      const row2 = prose[i];
      if (!row2 || endsTable(row2.text)) break;
      table2.rows.push({ line: row2.line, raw: row2.text.trim(), cells: splitRow(row2.text) });
      i++;
    }
    tables.push(table2);
  }
  return tables;
}

// src/compare/thresholds/table.ts
var COLUMNS = ["metric", "rule", "kind", "optional"];
function columnsOf(table2) {
  const columns = {};
  table2.header.cells.forEach((cell2, index) => {
    const name = cell2.text.toLowerCase();
    if (COLUMNS.includes(name) && columns[name] === void 0) columns[name] = index;
  });
  return columns;
}
function isThresholdTable(table2) {
  const columns = columnsOf(table2);
  return columns.metric !== void 0 && columns.rule !== void 0;
}
function cellField(row2, index) {
  if (index === void 0) return void 0;
  const cell2 = row2.cells[index];
  return { raw: cell2?.text ?? "", line: row2.line, text: cell2?.raw ?? "" };
}
function readTables(tables, problems) {
  const drafts = [];
  for (const table2 of tables.filter(isThresholdTable)) {
    const columns = columnsOf(table2);
    for (const row2 of table2.rows) {
      const metric = cellField(row2, columns.metric);
      const rule = cellField(row2, columns.rule);
      const metricText = metric.raw;
      const ruleText = rule.raw;
      if (metricText === "" && ruleText === "") continue;
      const wholeRow = { line: row2.line, text: row2.raw };
      if (metricText === "") {
        problems.push(problemAt(wholeRow, "a metric path in the `Metric` column, e.g. `profile.totals.wall_time_s`", "table"));
        continue;
      }
      if (ruleText === "") {
        problems.push(problemAt(wholeRow, `a rule in the \`Rule\` column, e.g. ${RULE_EXAMPLES}`, "table"));
        continue;
      }
      const draft = { metric: { ...metric, raw: metricText }, rule, line: row2.line, origin: "table" };
      const kind = cellField(row2, columns.kind);
      const optional = cellField(row2, columns.optional);
      if (kind) draft.kind = kind;
      if (optional) draft.optional = optional;
      drafts.push(draft);
    }
  }
  return drafts;
}

// src/compare/thresholds/parse.ts
var BLOCK_INFO = "optimization-gate";
var ACCEPTED_FORMS = 'no thresholds found: write them on the issue as a fenced ```optimization-gate block (`thresholds:` mapping metric \u2192 rule, e.g. `profile.totals.wall_time_s: "<= -20%"`) or as a markdown table with `Metric` and `Rule` columns (optional `Kind`, `Optional`)';
var NEAR_INFO = /^optimi[sz]ation[\s_-]*gate\b/i;
function fenceLine(block) {
  return { line: block.line, text: block.fenceText };
}
function readBlocks(fences, problems) {
  for (const fence of fences) {
    if (fence.info !== BLOCK_INFO && NEAR_INFO.test(fence.info)) {
      problems.push(problemAt(fenceLine(fence), `the info string exactly \`${BLOCK_INFO}\` after the fence`, "block"));
    }
  }
  const blocks = fences.filter((f) => f.info === BLOCK_INFO);
  if (blocks.length === 0) return void 0;
  const first = blocks[0];
  const merged = { drafts: [], problems: [] };
  for (const block of blocks) {
    if (block !== first) {
      const expected = `a single \`${BLOCK_INFO}\` block per issue (the first is at line ${first.line}); merge them`;
      problems.push(problemAt(fenceLine(block), expected, "block"));
    }
    if (!block.closed) {
      problems.push(problemAt(fenceLine(block), "a closing fence (``` or ~~~, as opened) after the block", "block"));
      continue;
    }
    const content = parseBlockYaml(block.content, "block", { raw: void 0, ...fenceLine(block) });
    merged.drafts.push(...content.drafts);
    merged.problems.push(...content.problems);
    merged.baseline ??= content.baseline;
    merged.repeat ??= content.repeat;
  }
  return merged;
}
function ruleKey(t) {
  return `${t.rule.op} ${t.rule.form} ${t.rule.value}`;
}
function findDuplicates(thresholds, problems, source) {
  const firstByRule = /* @__PURE__ */ new Map();
  const firstByOrigin = /* @__PURE__ */ new Map();
  for (const t of thresholds) {
    const sameRule = firstByRule.get(`${t.origin} ${t.metric} ${ruleKey(t)}`);
    if (sameRule) {
      problems.push(problemAt(source(t), `\`${t.metric}\` with rule \`${t.rule.text}\` only once (also at line ${sameRule.line})`, t.origin));
    } else {
      firstByRule.set(`${t.origin} ${t.metric} ${ruleKey(t)}`, t);
    }
    const other = firstByOrigin.get(`${t.origin === "block" ? "table" : "block"} ${t.metric}`);
    if (other && t.origin !== "input") {
      problems.push(
        problemAt(
          source(t),
          `each metric in one form only: \`${t.metric}\` is also in the ${other.origin === "block" ? "block" : "table"} at line ${other.line}`,
          t.origin
        )
      );
    }
    if (!firstByOrigin.has(`${t.origin} ${t.metric}`)) firstByOrigin.set(`${t.origin} ${t.metric}`, t);
  }
}
function assemble(content, drafts, problems, lines) {
  problems.push(...content?.problems ?? []);
  const thresholds = [];
  for (const draft of [...content?.drafts ?? [], ...drafts]) {
    const threshold2 = buildThreshold(draft, problems);
    if (threshold2) thresholds.push(threshold2);
  }
  findDuplicates(thresholds, problems, (t) => ({ line: t.line, text: (lines[t.line - 1] ?? "").trim() }));
  problems.sort((a, b) => a.line - b.line);
  const spec = { thresholds, problems };
  if (content?.baseline !== void 0) spec.baseline = content.baseline;
  if (content?.repeat !== void 0) spec.repeat = content.repeat;
  return spec;
}
function parseIssueThresholds(body) {
  const scan = scanMarkdown(body);
  const problems = [];
  const content = readBlocks(scan.fences, problems);
  const drafts = readTables(scan.tables, problems);
  return assemble(content, drafts, problems, splitLines(body));
}
function parseInlineThresholds(text2) {
  const lines = splitLines(text2);
  if (text2.trim() === "") return { thresholds: [], problems: [] };
  const problems = [];
  let yamlLines = lines.map((t, i) => ({ line: i + 1, text: t }));
  const firstLine = yamlLines.find((l) => l.text.trim() !== "");
  const fenced = scanMarkdown(text2).fences[0];
  if (fenced && fenced.line === firstLine.line) {
    if (fenced.info !== BLOCK_INFO || !fenced.closed) {
      const expected = fenced.closed ? `YAML without a fence (or an \`${BLOCK_INFO}\` block)` : "a closing fence after the block";
      problems.push(problemAt(fenceLine(fenced), expected, "input"));
      return { thresholds: [], problems };
    }
    yamlLines = fenced.content;
  }
  const content = parseBlockYaml(yamlLines, "input", { raw: void 0, line: firstLine.line, text: firstLine.text.trim() });
  return assemble(content, [], problems, lines);
}
function mergeThresholds(issue, inline) {
  const replaced = new Set(inline.thresholds.map((t) => t.metric));
  const merged = {
    thresholds: [...issue.thresholds.filter((t) => !replaced.has(t.metric)), ...inline.thresholds],
    problems: [...issue.problems, ...inline.problems]
  };
  const baseline = inline.baseline ?? issue.baseline;
  const repeat = inline.repeat ?? issue.repeat;
  if (baseline !== void 0) merged.baseline = baseline;
  if (repeat !== void 0) merged.repeat = repeat;
  return merged;
}

// src/compare/thresholds/format.ts
var MAX_TEXT = 160;
function codeSpan(text2) {
  const longestRun = Math.max(0, ...(text2.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text2.startsWith("`") || text2.endsWith("`") ? " " : "";
  return `${fence}${pad}${text2}${pad}${fence}`;
}
function formatProblem(problem) {
  const where = problem.origin === "input" ? `thresholds input, line ${problem.line}` : `line ${problem.line}`;
  const oneLine = problem.text.replace(/\s+/g, " ").trim();
  const text2 = oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}\u2026` : oneLine;
  return `${where}: ${text2 === "" ? "(empty)" : codeSpan(text2)} \u2014 expected ${problem.expected}`;
}
function amount(value, unit) {
  const number = String(Number(Math.abs(value).toPrecision(6)));
  if (!unit) return number;
  switch (unit.dimension) {
    case "money":
      return `$${number}`;
    case "cpu":
      return `${number} % of a core`;
    case "time":
    case "memory":
      return `${number} ${unit.symbol}`;
  }
}
function change(op, value, size) {
  const direction = value < 0 ? "lower" : "higher";
  if (value === 0) {
    const zero = { "<=": "not higher", "<": "lower", ">=": "not lower", ">": "higher" };
    return `${zero[op]} than the baseline`;
  }
  const towardsBound = (op === "<=" || op === "<") === value < 0;
  const bound = towardsBound ? { "<=": "at least", "<": "more than", ">=": "at least", ">": "more than" } : { "<=": "at most", "<": "less than", ">=": "at most", ">": "less than" };
  return `${bound[op]} ${size} ${direction} than the baseline`;
}
function describeRule(rule, metric) {
  switch (rule.form) {
    case "relative":
      return change(rule.op, rule.value, `${String(Number(Math.abs(rule.value).toPrecision(6)))} %`);
    case "delta":
      return change(rule.op, rule.value, amount(rule.value, metricUnit(metric)));
    case "absolute": {
      const words = { "<=": "at most", "<": "below", ">=": "at least", ">": "above" };
      return `${words[rule.op]} ${amount(rule.value, metricUnit(metric))}`;
    }
  }
}

// src/compare/gate.ts
var BOUND_TOLERANCE = 1e-9;
function satisfies(x, op, bound) {
  const eps = BOUND_TOLERANCE * Math.max(1, Math.abs(bound));
  switch (op) {
    case "<=":
      return x <= bound + eps;
    case "<":
      return x < bound - eps;
    case ">=":
      return x >= bound - eps;
    case ">":
      return x > bound + eps;
  }
}
function sideValues(runs, metric) {
  const side2 = lookupSide(runs, metric);
  const values = side2.lookups.map((l) => l.kind === "number" ? l.value : null);
  const mid = side2.numbers.length > 0 ? median(side2.numbers) : void 0;
  return { values, median: mid, n: side2.numbers.length, problems: side2.problems, complete: side2.complete, numbers: side2.numbers };
}
function publicSide({ values, median: median2, n, problems }) {
  return { values, median: median2, n, problems };
}
function formatIn(form, value, unit) {
  if (form === "relative") return formatPercent(value);
  if (form === "delta") return formatSigned(value, unit);
  return formatValue(value, unit);
}
function noChange(form, unit) {
  return { value: void 0, form, unit, interval: void 0, level: void 0, method: void 0 };
}
function judge(estimate, op, bound) {
  const { interval: interval2 } = estimate;
  if (estimate.estimate === void 0) return { verdict: "inconclusive", how: "undefined" };
  if (interval2 === void 0) {
    return { verdict: satisfies(estimate.estimate, op, bound) ? "pass" : "fail", how: "point" };
  }
  const upper = op === "<=" || op === "<";
  const worst = upper ? interval2.high : interval2.low;
  const best = upper ? interval2.low : interval2.high;
  if (satisfies(worst, op, bound)) return { verdict: "pass", how: "inside" };
  if (!satisfies(best, op, bound)) return { verdict: "fail", how: "outside" };
  return { verdict: "inconclusive", how: "straddles" };
}
function evaluateOne(threshold2, metric, baseline, candidate, options) {
  const unit = metricUnit(metric);
  const rule = threshold2.rule;
  const form = rule.form === "absolute" ? "value" : rule.form;
  const changeUnit = form === "relative" ? "%" : unit?.symbol;
  const b = sideValues(baseline.runs, metric);
  const c = sideValues(candidate.runs, metric);
  const base = {
    metric,
    threshold: threshold2,
    unit: unit?.symbol,
    baseline: publicSide(b),
    candidate: publicSide(c)
  };
  const missing = [...form === "value" ? [] : b.problems.map((p) => `baseline: ${p}`), ...c.problems.map((p) => `candidate: ${p}`)];
  if (!c.complete || form !== "value" && !b.complete) {
    const verdict2 = "missing";
    const reason2 = missing.length > 0 ? missing.join("; ") : "no runs on a side";
    return { ...base, verdict: verdict2, counts: verdictCounts({ optional: threshold2.optional, verdict: verdict2 }), change: noChange(form, changeUnit), reason: reason2 };
  }
  const estimate = form === "value" ? valueInterval(c.numbers, options.interval) : changeInterval(b.numbers, c.numbers, form, options.interval);
  const { verdict, how } = judge(estimate, rule.op, rule.value);
  const show = (x) => formatIn(form, x, unit);
  const interval2 = estimate.interval ? { low: estimate.interval.low, high: estimate.interval.high } : void 0;
  const span = interval2 ? `${Math.round((estimate.interval?.level ?? 0) * 100)} % CI [${show(interval2.low)}, ${show(interval2.high)}]` : "";
  const what = form === "value" ? "value" : "change";
  let reason;
  switch (how) {
    case "undefined":
      reason = "relative change from a baseline of 0 is undefined; an absolute bound (e.g. `<= 0`) or a delta (`<= +0`) can judge it";
      break;
    case "point":
      reason = `${what} ${show(estimate.estimate)} ${verdict === "pass" ? "meets" : "breaks"} ${rule.text} (${estimate.note ?? SINGLE_RUN_NOTE})`;
      break;
    case "inside":
      reason = `${span} entirely meets ${rule.text}${estimate.degenerate ? " (all runs identical)" : ""}`;
      break;
    case "outside":
      reason = `${span} entirely breaks ${rule.text}${estimate.degenerate ? " (all runs identical)" : ""}`;
      break;
    default:
      reason = `${span} straddles the bound of ${rule.text}: within the noise`;
  }
  const change2 = {
    value: estimate.estimate,
    form,
    unit: changeUnit,
    interval: interval2,
    level: interval2 ? estimate.interval?.level : void 0,
    method: estimate.method,
    ...estimate.note ? { note: estimate.note } : {}
  };
  return { ...base, verdict, counts: verdictCounts({ optional: threshold2.optional, verdict }), change: change2, reason };
}
function unmatched(threshold2, baseline, candidate) {
  const empty = (runs) => ({ values: runs.map(() => null), median: void 0, n: 0, problems: [] });
  const verdict = "missing";
  const form = threshold2.rule.form === "absolute" ? "value" : threshold2.rule.form;
  return {
    metric: threshold2.metric,
    threshold: threshold2,
    verdict,
    counts: verdictCounts({ optional: threshold2.optional, verdict }),
    unit: metricUnit(threshold2.metric)?.symbol,
    baseline: empty(baseline.runs),
    candidate: empty(candidate.runs),
    change: noChange(form, form === "relative" ? "%" : metricUnit(threshold2.metric)?.symbol),
    reason: `no metric matches ${threshold2.metric} in any run`
  };
}
function evaluateThresholds(thresholds, baseline, candidate, options) {
  const all = [...baseline.runs, ...candidate.runs];
  return thresholds.flatMap((threshold2) => {
    const metrics = expandMetricPattern(threshold2.metric, all);
    if (metrics.length === 0) return [unmatched(threshold2, baseline, candidate)];
    return metrics.map((metric) => evaluateOne(threshold2, metric, baseline, candidate, options));
  });
}
function runInfo(side2, run2) {
  const status = run2.profile.status;
  const totals = run2.profile.totals;
  return {
    label: run2.label,
    files: run2.files,
    status,
    failed: status !== void 0 && status !== "ok",
    host: runHost(side2, run2),
    samplingNote: typeof totals.sampling_note === "string" ? totals.sampling_note : void 0,
    memoryMetric: typeof totals.memory_metric === "string" ? totals.memory_metric : void 0
  };
}
function describeProblem(p) {
  return `threshold problem, ${p.origin === "input" ? "" : "issue "}${formatProblem(p)}`;
}
function noiseNote(nBase, nCand, options = {}) {
  if (nBase <= 1 && nCand <= 1) return SINGLE_RUN_NOTE;
  const o = { ...DEFAULT_INTERVAL_OPTIONS, ...options };
  return `${nBase} baseline / ${nCand} candidate runs: medians compared; ${Math.round(o.level * 100)} % percentile-bootstrap interval of the change of medians (${o.resamples} resamples, seed ${o.seed})`;
}
function specInfo(spec) {
  return { ...spec?.baseline !== void 0 ? { baseline: spec.baseline } : {}, ...spec?.repeat !== void 0 ? { repeat: spec.repeat } : {} };
}
function evaluateGate(spec, baseline, candidate, options) {
  const thresholds = evaluateThresholds(spec.thresholds, baseline, candidate, options);
  const runs = {
    baseline: baseline.runs.map((r) => runInfo("baseline", r)),
    candidate: candidate.runs.map((r) => runInfo("candidate", r))
  };
  const inputErrors = [];
  if (spec.thresholds.length === 0 && spec.problems.length === 0) inputErrors.push(ACCEPTED_FORMS);
  if (baseline.runs.length === 0) inputErrors.push("no baseline run");
  if (candidate.runs.length === 0) inputErrors.push("no candidate run");
  const failedRuns = [...runs.baseline, ...runs.candidate].filter((r) => r.failed).map((r) => `${r.host.side} ${r.label} (status ${r.status ?? ""})`);
  const { decision, reasons } = decide({
    verdicts: thresholds.map((t) => ({ metric: t.metric, kind: t.threshold.kind, optional: t.threshold.optional, verdict: t.verdict, summary: t.reason })),
    failedRuns,
    blockers: [...spec.problems.map(describeProblem), ...inputErrors]
  });
  const notes = [];
  if (spec.repeat !== void 0 && (baseline.runs.length !== spec.repeat || candidate.runs.length !== spec.repeat)) {
    notes.push(`the issue asks for repeat: ${spec.repeat}; got ${baseline.runs.length} baseline and ${candidate.runs.length} candidate run(s)`);
  }
  return {
    decision,
    failOn: options.failOn,
    passed: passesFailOn(decision, options.failOn),
    reasons,
    thresholds,
    runs,
    host: checkHosts(baseline, candidate),
    problems: spec.problems,
    inputErrors,
    noise: noiseNote(baseline.runs.length, candidate.runs.length, options.interval),
    notes,
    spec: specInfo(spec)
  };
}
function inputErrorResult(errors, failOn, spec) {
  const problems = spec?.problems ?? [];
  const blockers = [...problems.map(describeProblem), ...errors];
  return {
    decision: "reject",
    failOn,
    passed: passesFailOn("reject", failOn),
    reasons: blockers,
    thresholds: [],
    runs: { baseline: [], candidate: [] },
    host: { comparable: true, runs: [], differences: [] },
    problems,
    inputErrors: [...errors],
    noise: "not evaluated",
    notes: [],
    spec: specInfo(spec)
  };
}

// src/compare/gate-json.ts
var GATE_JSON_SCHEMA = "optimization-gate/gate@1";
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value) {
  return value ?? null;
}
function side(values) {
  return { values: values.values.map(num), median: num(values.median), n: values.n, runs: values.values.length, problems: values.problems };
}
function threshold(t) {
  const { rule } = t.threshold;
  const interval2 = t.change.interval;
  const low = num(interval2?.low);
  const high = num(interval2?.high);
  return {
    metric: t.metric,
    pattern: t.threshold.metric,
    rule: { text: rule.text, form: rule.form, op: rule.op, value: num(rule.value) ?? 0, unit: str(rule.unit) },
    kind: t.threshold.kind,
    optional: t.threshold.optional,
    line: t.threshold.line,
    origin: t.threshold.origin,
    verdict: t.verdict,
    counts: t.counts,
    unit: str(t.unit),
    baseline: side(t.baseline),
    candidate: side(t.candidate),
    change: {
      value: num(t.change.value),
      form: t.change.form,
      unit: str(t.change.unit),
      interval: low !== null && high !== null ? { low, high } : null,
      level: num(t.change.level),
      method: str(t.change.method),
      note: str(t.change.note)
    },
    reason: t.reason
  };
}
function run(r) {
  return {
    label: r.label,
    files: { profile: str(r.files.profile), truth: str(r.files.truth), eval: str(r.files.eval), cost: str(r.files.cost) },
    status: str(r.status),
    failed: r.failed,
    host: { hostname: str(r.host.hostname), cpu: str(r.host.cpu) },
    sampling_note: str(r.samplingNote),
    memory_metric: str(r.memoryMetric)
  };
}
function toGateJson(result) {
  const verdicts = { pass: 0, fail: 0, inconclusive: 0, missing: 0 };
  for (const t of result.thresholds) verdicts[t.verdict] += 1;
  return {
    schema: GATE_JSON_SCHEMA,
    decision: result.decision,
    fail_on: result.failOn,
    passed: result.passed,
    reasons: result.reasons,
    verdicts,
    thresholds: result.thresholds.map(threshold),
    runs: { baseline: result.runs.baseline.map(run), candidate: result.runs.candidate.map(run) },
    host: { comparable: result.host.comparable, differences: result.host.differences },
    problems: result.problems.map((p) => ({ line: p.line, text: p.text, expected: p.expected, origin: p.origin })),
    input_errors: result.inputErrors,
    noise: result.noise,
    notes: result.notes,
    spec: { baseline: str(result.spec.baseline), repeat: num(result.spec.repeat) }
  };
}
function renderGateJson(result) {
  return `${JSON.stringify(toGateJson(result), (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value, 2)}
`;
}

// src/report/verdicts.ts
var DECISION_ICON = { ship: "\u2705", iterate: "\u{1F7E1}", reject: "\u274C" };
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u{1F7E1}", missing: "\u2754" };
function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}
function formatThresholdChange(t, value = t.change.value) {
  if (value === void 0) return NONE;
  const unit = metricUnit(t.metric);
  if (t.change.form === "relative") return formatPercent(value);
  if (t.change.form === "delta") return formatSigned(value, unit);
  return formatValue(value, unit);
}
function interval(t) {
  const i = t.change.interval;
  if (!i) return NONE;
  if (i.low === i.high) return `[${formatThresholdChange(t, i.low)}] (zero spread)`;
  return `[${formatThresholdChange(t, i.low)}, ${formatThresholdChange(t, i.high)}]`;
}
function brief(t) {
  const change2 = t.change.value !== void 0 ? ` ${formatThresholdChange(t)}` : "";
  return `${code(t.metric)}${change2} (rule ${code(t.threshold.rule.text)})`;
}
function listed(items, show = 2) {
  const head = items.slice(0, show).map(brief).join(", ");
  return items.length > show ? `${head} and ${items.length - show} more` : head;
}
function headline(result) {
  const counted = result.thresholds.filter((t) => t.counts);
  const pick = (kind, verdict) => counted.filter((t) => t.threshold.kind === kind && t.verdict === verdict);
  const failedRuns = [...result.runs.baseline, ...result.runs.candidate].filter((r) => r.failed);
  const parts = [];
  if (result.problems.length > 0) parts.push(`${plural(result.problems.length, "threshold problem")} on the issue`);
  if (result.inputErrors.length > 0) {
    const first = result.inputErrors[0].split("\n")[0];
    const short = result.inputErrors.length === 1 && first.length <= 100 && !first.includes("`");
    parts.push(short ? first : first.startsWith("no thresholds found") ? "no thresholds found on the issue" : plural(result.inputErrors.length, "input error"));
  }
  if (failedRuns.length > 0) parts.push(`${plural(failedRuns.length, "measured run")} failed (${failedRuns.map((r) => `${r.label}: ${r.status ?? ""}`).join(", ")})`);
  const groups = [
    [pick("guardrail", "fail"), "failed"],
    [pick("guardrail", "missing"), "missing"],
    [pick("target", "fail"), "failed"],
    [pick("target", "missing"), "missing"]
  ];
  for (const [items, what] of groups) {
    const kind = items[0]?.threshold.kind;
    if (kind) parts.push(`${plural(items.length, kind)} ${what}: ${listed(items)}`);
  }
  const inconclusive = counted.filter((t) => t.verdict === "inconclusive");
  if (inconclusive.length > 0) parts.push(`${inconclusive.length} inconclusive: ${listed(inconclusive)}`);
  if (parts.length === 0) {
    const ignored = result.thresholds.length - counted.length;
    parts.push(`${counted.length === 1 ? "the one threshold passes" : `all ${counted.length} thresholds pass`}${ignored > 0 ? ` (${ignored} optional missing, ignored)` : ""}`);
  }
  return `### ${DECISION_ICON[result.decision]} ${result.decision} \u2014 ${parts.join("; ")}`;
}
function summaryLine(result) {
  const counts = { pass: 0, fail: 0, inconclusive: 0, missing: 0 };
  for (const t of result.thresholds) counts[t.verdict] += 1;
  const verdicts = Object.keys(counts).map((v) => `${counts[v]} ${v}`).join(" \xB7 ");
  const nb = result.runs.baseline.length;
  const nc = result.runs.candidate.length;
  const runs = nb + nc === 0 ? "not evaluated" : `${nb} baseline / ${nc} candidate run${nc === 1 ? "" : "s"} (${nb <= 1 && nc <= 1 ? result.noise : "medians, bootstrap interval"})`;
  const parts = [`**${verdicts}**`, runs];
  if (!result.host.comparable) parts.push("\u26A0\uFE0F **runs from different hosts**");
  parts.push(`fail-on \`${result.failOn}\`: job ${result.passed ? "passes" : "fails"}`);
  return parts.join(" \u2014 ");
}
var SEVERITY = { fail: 0, missing: 1, inconclusive: 2, pass: 3 };
function severity(t) {
  if (!t.counts) return 100;
  return SEVERITY[t.verdict] * 2 + (t.threshold.kind === "guardrail" ? 0 : 1);
}
function sideCell(t, side2) {
  const values = t[side2];
  if (values.median === void 0) return NONE;
  const text2 = formatValue(values.median, metricUnit(t.metric));
  return values.values.length > 1 ? `${text2} (median)` : text2;
}
function verdictTable(result, maxRows = 100) {
  const ordered = result.thresholds.map((t, i) => ({ t, i })).sort((a, b) => severity(a.t) - severity(b.t) || a.i - b.i).map(({ t }) => t);
  const level = ordered.find((t) => t.change.level !== void 0)?.change.level ?? 0.95;
  const rows = ordered.map((t) => [
    `${VERDICT_ICON[t.verdict]} ${t.verdict}${t.counts ? "" : " (ignored)"}`,
    code(t.metric),
    `${t.threshold.kind}${t.threshold.optional ? ", optional" : ""}`,
    code(t.threshold.rule.text),
    t.change.form === "value" ? NONE : sideCell(t, "baseline"),
    sideCell(t, "candidate"),
    t.change.form === "value" ? `value ${formatThresholdChange(t)}` : formatThresholdChange(t),
    interval(t),
    `${t.baseline.n}/${t.candidate.n}`
  ]);
  const text2 = table(
    ["Verdict", "Metric", "Kind", "Rule", "Baseline", "Candidate", "Change", `${Math.round(level * 100)} % CI`, "N (B/C)"],
    rows,
    { align: "llllrrrrr", maxRows, moreAt: "gate.json" }
  );
  const why = ordered.filter((t) => t.verdict !== "pass").slice(0, 30).map((t) => `- ${code(t.metric)}: ${t.reason}`);
  return why.length > 0 ? `${text2}

${why.join("\n")}` : text2;
}

// src/report/report.ts
var GITHUB_COMMENT_LIMIT = 65536;
function linksLine(options) {
  const links = [
    options.artifactUrl ? `[artifacts](${options.artifactUrl})` : "",
    options.runUrl ? `[workflow run](${options.runUrl})` : ""
  ].filter(Boolean);
  return links.length > 0 ? links.join(" \xB7 ") : void 0;
}
function problemsSection(result) {
  if (result.problems.length === 0 && result.inputErrors.length === 0) return void 0;
  const lines = ["#### \u26A0\uFE0F The gate could not judge these inputs", ""];
  for (const p of result.problems) lines.push(`- ${describeProblem(p)}`);
  for (const e of result.inputErrors) lines.push(`- ${e.split("\n").join("\n  ")}`);
  lines.push("", "Fix them on the issue (or the inputs) and run the gate again; until then the decision is `reject`.");
  return lines.join("\n");
}
function parsedThresholds(result) {
  const seen = /* @__PURE__ */ new Map();
  for (const t of result.thresholds) {
    const key = `${t.threshold.line}:${t.threshold.metric}:${t.threshold.rule.text}`;
    const entry = seen.get(key);
    if (entry) entry.matches += 1;
    else seen.set(key, { matches: t.metric === t.threshold.metric && t.verdict === "missing" && t.baseline.n + t.candidate.n === 0 ? 0 : 1, t });
  }
  if (seen.size === 0) return void 0;
  const rows = [...seen.values()].map(({ matches, t }) => [
    code(t.threshold.metric),
    code(t.threshold.rule.text),
    describeRule(t.threshold.rule, t.threshold.metric),
    t.threshold.kind,
    t.threshold.optional ? "yes" : "no",
    `${t.threshold.origin} line ${t.threshold.line}`,
    String(matches)
  ]);
  const spec = [
    result.spec.baseline !== void 0 ? `baseline named on the issue: ${code(result.spec.baseline)}` : "",
    result.spec.repeat !== void 0 ? `repeat: ${result.spec.repeat}` : ""
  ].filter(Boolean);
  const body = table(["Metric", "Rule", "Read as", "Kind", "Optional", "Where", "Matches"], rows, { maxRows: 100 });
  return details(`Thresholds as parsed (${seen.size})`, spec.length > 0 ? `${spec.join(" \xB7 ")}

${body}` : body);
}
function hostSection(result) {
  const { host } = result;
  if (host.runs.length === 0) return "#### Host\n\nNo runs were loaded.";
  if (host.comparable) {
    const first = host.runs[0];
    return `#### Host

\u2705 All runs on the same host: ${code(first?.hostname ?? "not recorded")}, CPU ${code(first?.cpu ?? "not recorded")}.`;
  }
  const lines = ["#### \u26A0\uFE0F Host", "", "**Runs come from different machines: time and memory may not be comparable.**", ""];
  for (const d of host.differences) lines.push(`- ${d}`);
  return lines.join("\n");
}
function footnotes(result) {
  const runs = [...result.runs.baseline, ...result.runs.candidate];
  const hosts = runs.map((r) => r.host);
  const grouped = (pick) => {
    const groups = /* @__PURE__ */ new Map();
    for (const r of runs) groups.set(pick(r), [...groups.get(pick(r)) ?? [], r]);
    return [...groups.entries()].map(([value, who]) => groups.size > 1 ? `${value} (${whoHas(who.map((r) => r.host), hosts)})` : value);
  };
  const sampling = grouped((r) => r.samplingNote ?? "not stated in the profile");
  const memory = grouped((r) => r.memoryMetric ?? "not stated (third-party profile: as its tool wrote it)");
  const label = (side2) => {
    const labels = result.runs[side2].map((r) => r.label);
    return labels.length > 3 ? `${labels.slice(0, 3).join(", ")} \u2026` : labels.join(", ") || "none";
  };
  const lines = [
    ...runs.length > 0 ? [
      `- Sampling: ${sampling.join("; ")}`,
      `- Memory metric: ${memory.join("; ")}. \`*_mb\` values are MiB; CPU is percent of one core.`
    ] : [],
    `- Runs: baseline ${result.runs.baseline.length} (${label("baseline")}); candidate ${result.runs.candidate.length} (${label("candidate")}).`,
    `- Noise: ${result.noise}.`,
    ...result.notes.map((n) => `- Note: ${n}.`),
    `- Machine-readable result: \`gate.json\` (schema \`${GATE_JSON_SCHEMA}\`).`
  ];
  return `<sub>

${lines.join("\n")}

</sub>`;
}
function assemble2(sections, limit) {
  const join3 = (parts) => parts.map((s) => s.text).join("\n\n");
  const kept = [...sections];
  for (let i = kept.length - 1; i >= 0 && join3(kept).length + 1 > limit; i--) {
    const section = kept[i];
    if (section.optional !== void 0) kept[i] = { text: `_${section.optional} left out: the report would exceed GitHub's comment limit; see gate.json._` };
  }
  let text2 = `${join3(kept)}
`;
  if (text2.length > limit) {
    const note = "\n\n_\u2026 report cut at the comment limit; the full result is in gate.json._\n";
    text2 = text2.slice(0, limit - note.length) + note;
  }
  return text2;
}
function renderReport(result, diff, options = {}) {
  const sections = [{ text: headline(result) }];
  for (const text2 of [linksLine(options), summaryLine(result), problemsSection(result)]) {
    if (text2 !== void 0) sections.push({ text: text2 });
  }
  if (!result.host.comparable) sections.push({ text: hostSection(result) });
  if (result.thresholds.length > 0) sections.push({ text: `#### Verdicts

${verdictTable(result)}` });
  const parsed = parsedThresholds(result);
  if (parsed) sections.push({ text: parsed, optional: "Thresholds as parsed" });
  if (diff) {
    sections.push({ text: `#### Stages (time, memory, CPU)

${stageTable(diff)}`, optional: "Stage table" });
    const chart = stageWallChart(diff);
    if (chart) sections.push({ text: chart, optional: "Chart" });
    const quality = qualityTable(diff);
    if (quality) sections.push({ text: details("Quality (eval metrics.json)", quality), optional: "Quality table" });
    const cost = costTable(diff);
    if (cost) sections.push({ text: details("Cost (LLM calls, tokens, USD)", cost), optional: "Cost table" });
  }
  if (result.host.comparable) sections.push({ text: hostSection(result) });
  sections.push({ text: footnotes(result), optional: "Footnotes" });
  return assemble2(sections, Math.min(options.maxLength ?? GITHUB_COMMENT_LIMIT - 1e3, GITHUB_COMMENT_LIMIT));
}

// src/cli/thresholds.ts
var NAME2 = "thresholds";
var SYNOPSIS2 = "--issue-file ISSUE.md [--inline-file THRESHOLDS.yaml]";
var OPTIONS2 = {
  "issue-file": { type: "string", description: "the issue body (markdown) holding the thresholds" },
  "inline-file": { type: "string", description: "thresholds as for the action's `thresholds` input (YAML); overrides the issue's" },
  help: { type: "boolean", description: "show this help" }
};
var EXIT_OK = 0;
var EXIT_USER_ERROR = 2;
function readThresholdFiles(issueFile, inlineFile) {
  const issue = issueFile !== void 0 ? parseIssueThresholds(readText(issueFile)) : { thresholds: [], problems: [] };
  if (inlineFile === void 0) return issue;
  return mergeThresholds(issue, parseInlineThresholds(readText(inlineFile)));
}
var thresholdsCommand = {
  summary: "parse the thresholds of an issue body and print them as JSON",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME2, OPTIONS2, args);
    if (options.help) {
      console.log(usage(NAME2, SYNOPSIS2, OPTIONS2));
      return Promise.resolve(EXIT_OK);
    }
    if (positionals.length > 0) throw new UserError(`${NAME2}: unexpected argument "${positionals[0]}"`, [usage(NAME2, SYNOPSIS2, OPTIONS2)]);
    const issueFile = options["issue-file"];
    const inlineFile = options["inline-file"];
    if (issueFile === void 0 && inlineFile === void 0) {
      throw new UserError(`${NAME2}: --issue-file is required`, [usage(NAME2, SYNOPSIS2, OPTIONS2)]);
    }
    const spec = readThresholdFiles(issueFile, inlineFile);
    if (spec.problems.length > 0) {
      const files = [issueFile, inlineFile].filter((f) => f !== void 0).join(" + ");
      const count = spec.problems.length;
      console.error(`optimization-gate ${NAME2}: ${count} problem${count === 1 ? "" : "s"} in the thresholds of ${files}:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR);
    }
    if (spec.thresholds.length === 0) {
      console.error(`optimization-gate ${NAME2}: ${ACCEPTED_FORMS}`);
      return Promise.resolve(EXIT_USER_ERROR);
    }
    console.log(JSON.stringify(spec, null, 2));
    return Promise.resolve(EXIT_OK);
  }
};

// src/cli/gate.ts
var EXIT_OK2 = 0;
var EXIT_GATE_FAILED = 1;
var EXIT_USER_ERROR2 = 2;
var NAME3 = "gate";
var SYNOPSIS3 = "--issue-file ISSUE.md --baseline B.yaml\u2026 --candidate C.yaml\u2026 --out DIR [options]";
var OPTIONS3 = {
  "issue-file": { type: "string", description: "the optimization issue body (markdown) holding the thresholds" },
  "thresholds-file": { type: "string", description: "inline thresholds (metric: rule lines), merged over the issue" },
  baseline: { type: "list", description: "baseline profile YAML(s); several are repeated runs" },
  candidate: { type: "list", description: "candidate profile YAML(s); several are repeated runs" },
  "eval-baseline": { type: "list", description: "eval output dir(s) of the baseline: one for all runs, or one per run" },
  "eval-candidate": { type: "list", description: "eval output dir(s) of the candidate: one for all runs, or one per run" },
  "fail-on": { type: "string", default: "reject", description: `decision that fails: ${FAIL_ON_VALUES.join(" | ")}` },
  out: { type: "string", description: "directory for gate.json and report.md" },
  "artifact-url": { type: "string", description: "link to the artifacts, shown in the report" },
  "run-url": { type: "string", description: "link to the workflow run, shown in the report" },
  help: { type: "boolean", description: "show this help" }
};
function isFailOn(value) {
  return FAIL_ON_VALUES.includes(value);
}
function readSpec(issueFile, thresholdsFile) {
  if (issueFile === void 0 && thresholdsFile === void 0) {
    throw new UserError("no thresholds: give --issue-file ISSUE.md and/or --thresholds-file FILE");
  }
  return readThresholdFiles(issueFile, thresholdsFile);
}
function attempt(errors, load) {
  try {
    return load();
  } catch (error) {
    if (!isUserError(error)) throw error;
    errors.push(errorMessage(error));
    return void 0;
  }
}
function writeOutputs(out, result, diff, links) {
  try {
    mkdirSync(out, { recursive: true });
    const jsonPath = join2(out, "gate.json");
    const reportPath = join2(out, "report.md");
    writeFileSync(jsonPath, renderGateJson(result));
    writeFileSync(reportPath, renderReport(result, diff, links));
    return { reportPath, jsonPath };
  } catch (error) {
    throw new UserError(`cannot write to --out ${out}: ${errorMessage(error)}`);
  }
}
var gateCommand = {
  summary: "gate a candidate against a baseline on the issue thresholds; writes gate.json and report.md",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME3, OPTIONS3, args);
    if (options.help) {
      console.log(usage(NAME3, SYNOPSIS3, OPTIONS3));
      return Promise.resolve(EXIT_OK2);
    }
    const out = options.out;
    if (out === void 0) throw new UserError(`--out DIR is required (where gate.json and report.md go); see \`optimization-gate ${NAME3} --help\``);
    const failOnText = options["fail-on"];
    const failOn = isFailOn(failOnText) ? failOnText : "reject";
    const links = {
      ...options["artifact-url"] !== void 0 ? { artifactUrl: options["artifact-url"] } : {},
      ...options["run-url"] !== void 0 ? { runUrl: options["run-url"] } : {}
    };
    const errors = [];
    if (!isFailOn(failOnText)) errors.push(`--fail-on expects ${FAIL_ON_VALUES.join(", ")}, got "${failOnText}"`);
    if (positionals.length > 0) errors.push(`unexpected argument${positionals.length > 1 ? "s" : ""}: ${positionals.join(" ")} (profiles go after --baseline / --candidate)`);
    const spec = attempt(errors, () => readSpec(options["issue-file"], options["thresholds-file"]));
    const baseline = attempt(
      errors,
      () => loadSide("baseline", options.baseline, options["eval-baseline"], { profiles: "--baseline", evalDirs: "eval-baseline" })
    );
    const candidate = attempt(
      errors,
      () => loadSide("candidate", options.candidate, options["eval-candidate"], { profiles: "--candidate", evalDirs: "eval-candidate" })
    );
    let result;
    let diff;
    if (errors.length > 0 || !spec || !baseline || !candidate) {
      result = inputErrorResult(errors, failOn, spec);
    } else {
      const sides = [baseline, candidate];
      result = evaluateGate(spec, ...sides, { failOn });
      diff = diffSides(...sides);
    }
    const written = writeOutputs(resolve(out), result, diff, links);
    const badInput = result.problems.length > 0 || result.inputErrors.length > 0;
    for (const line of [...errors, ...result.problems.map(formatProblem)]) console.error(`error: ${line}`);
    console.log(`decision: ${result.decision} (fail-on ${failOn}: ${result.passed ? "passes" : "fails"})`);
    console.log(`report: ${written.reportPath}`);
    console.log(`gate.json: ${written.jsonPath}`);
    return Promise.resolve(badInput ? EXIT_USER_ERROR2 : result.passed ? EXIT_OK2 : EXIT_GATE_FAILED);
  }
};

// src/cli/commands.ts
var COMMANDS = {
  thresholds: thresholdsCommand,
  diff: diffCommand,
  gate: gateCommand
};

// src/cli/index.ts
var EXIT_OK3 = 0;
var EXIT_USER_ERROR3 = 2;
var EXIT_INTERNAL_ERROR = 3;
function help() {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `optimization-gate <command> [options]

commands:
${rows.join("\n")}

'optimization-gate <command> --help' shows a command's options.`;
}
async function runCli(argv) {
  const [name, ...args] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name === void 0 ? EXIT_USER_ERROR3 : EXIT_OK3;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`optimization-gate: unknown command "${name}"

${help()}`);
    return EXIT_USER_ERROR3;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (isUserError(error)) {
      console.error(`optimization-gate ${name}: ${error.message}`);
      return EXIT_USER_ERROR3;
    }
    console.error(`optimization-gate ${name}: internal error (please report): ${errorMessage(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    return EXIT_INTERNAL_ERROR;
  }
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));
