// The Apps Script side of the sandbox. This file is evaluated INSIDE a fresh node:vm context
// (one per execution, as Apps Script loads the bundle anew for every execution), before
// dist/Code.js. It is plain JavaScript on purpose: it must not depend on a transpiler, and it is
// read by both the in-thread runner and the worker-thread runner.
//
// It receives one host function (`hostCall`) and gives the script only what Apps Script has:
// the service globals (as stubs that forward every method call to the host), console, and a
// `Date` that reads the simulated clock. Nothing else from Node is reachable.
//
// Wire format (host <-> sandbox), plain data only so it survives structured clone:
//   Date -> {$d: epochMs}; service object -> {$h: handleId, $c: 'Service.Class', $m: [methods],
//   $e: enums of its class, e.g. Ui.ButtonSet};
//   plain object -> {$o: {...}}; arrays and primitives as is.
// Every reply carries `now`, the simulated clock after the call.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- evaluated for its value by vm
(function (hostCall, globalsDescription, initialNow) {
  'use strict';
  var now = initialNow;
  var NativeDate = Date;

  // Built-ins after ES2019 are not known to exist on Apps Script (its V8 page documents syntax
  // only; scripts/builtins.cjs): they are removed from this realm, so a script using one throws
  // "… is not a function" / ReferenceError here rather than passing offline.
  var typedArrayProto = Object.getPrototypeOf(Int8Array.prototype);
  [
    [
      Array.prototype,
      ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with'],
    ],
    [String.prototype, ['at', 'replaceAll', 'matchAll', 'isWellFormed', 'toWellFormed']],
    [typedArrayProto, ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'with']],
    [Object, ['hasOwn', 'groupBy']],
    [Map, ['groupBy']],
    [Promise, ['allSettled', 'any', 'withResolvers']],
    [globalThis, ['structuredClone', 'WeakRef', 'FinalizationRegistry', 'AggregateError']],
  ].forEach(function (entry) {
    entry[1].forEach(function (name) {
      delete entry[0][name];
    });
  });
  var HANDLE = Symbol('handle');

  class SimDate extends NativeDate {
    constructor(...args) {
      if (args.length === 0) super(now);
      else super(...args);
    }
    static now() {
      return now;
    }
  }
  // `Date()` called without `new` returns a string of the current time.
  var DateShim = new Proxy(SimDate, {
    apply: function () {
      return new NativeDate(now).toString();
    },
  });

  var prototypes = new Map();
  function prototypeFor(className, methods, encodedEnums, missing) {
    var proto = prototypes.get(className);
    if (proto) return proto;
    proto = {};
    if (encodedEnums) {
      var enums = decode(encodedEnums);
      Object.keys(enums).forEach(function (key) {
        Object.defineProperty(proto, key, { value: Object.freeze(enums[key]), enumerable: true });
      });
    }
    var shortName = className.slice(className.lastIndexOf('.') + 1);
    methods.forEach(function (method) {
      Object.defineProperty(proto, method, {
        value: function () {
          // Properties the script set on the object (an HtmlTemplate's variables) go along.
          var own = Object.keys(this);
          var fields = own.length > 0 ? encode(Object.assign({}, this)) : undefined;
          return invoke(this[HANDLE], method, Array.prototype.slice.call(arguments), fields);
        },
        writable: false,
        enumerable: false,
      });
    });
    // Methods Apps Script has and the emulator does not: loud, never a silent undefined.
    (missing || []).forEach(function (method) {
      Object.defineProperty(proto, method, {
        value: function () {
          throw new Error('not emulated: ' + className + '.' + method);
        },
        writable: false,
        enumerable: false,
      });
    });
    // Apps Script objects print as their class name (String(sheet) === 'Sheet'), unless the
    // class defines its own toString.
    if (methods.indexOf('toString') < 0)
      Object.defineProperty(proto, 'toString', {
        value: function () {
          return shortName;
        },
        enumerable: false,
      });
    prototypes.set(className, proto);
    return proto;
  }

  function decode(value) {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      var out = new Array(value.length);
      for (var i = 0; i < value.length; i++) out[i] = decode(value[i]);
      return out;
    }
    if ('$d' in value) return new SimDate(value.$d);
    if ('$h' in value) {
      var object = Object.create(prototypeFor(value.$c, value.$m, value.$e, value.$x));
      Object.defineProperty(object, HANDLE, { value: value.$h });
      // A fake's own display name (String(DriveApp) === 'Drive'), see displayNameOf in core.ts.
      if (typeof value.$s === 'string') {
        var display = value.$s;
        Object.defineProperty(object, 'toString', {
          value: function () {
            return display;
          },
          enumerable: false,
        });
      }
      return object;
    }
    if ('$o' in value) {
      var plain = {};
      var keys = Object.keys(value.$o);
      for (var k = 0; k < keys.length; k++) plain[keys[k]] = decode(value.$o[keys[k]]);
      return plain;
    }
    throw new Error('sandbox: cannot decode ' + JSON.stringify(value));
  }

  function encode(value) {
    if (value === null || value === undefined) return value;
    var type = typeof value;
    if (type === 'function' || type === 'symbol') {
      throw new TypeError('Cannot pass a ' + type + ' to an Apps Script service.');
    }
    if (type === 'bigint') throw new TypeError('Cannot pass a bigint to an Apps Script service.');
    if (type !== 'object') return value;
    if (value instanceof NativeDate) return { $d: value.getTime() };
    if (Array.isArray(value)) {
      var out = new Array(value.length);
      for (var i = 0; i < value.length; i++) out[i] = encode(value[i]);
      return out;
    }
    if (value[HANDLE] !== undefined) return { $h: value[HANDLE] };
    var plain = {};
    var keys = Object.keys(value);
    for (var k = 0; k < keys.length; k++) plain[keys[k]] = encode(value[keys[k]]);
    return { $o: plain };
  }

  function invoke(handle, method, args, fields) {
    var request = { op: 'call', h: handle, m: method, a: encode(args) };
    if (fields !== undefined) request.p = fields;
    var reply = hostCall(request);
    now = reply.now;
    if (reply.e) {
      var ErrorType = reply.e.name === 'TypeError' ? TypeError : Error;
      var error = new ErrorType(reply.e.message);
      if (reply.e.name && reply.e.name !== 'TypeError') error.name = reply.e.name;
      throw error;
    }
    return decode(reply.v);
  }

  function describe(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.stack || String(value);
    try {
      var json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch {
      return String(value);
    }
  }
  function consoleMethod(level) {
    return function () {
      var text = Array.prototype.map.call(arguments, describe).join(' ');
      var reply = hostCall({ op: 'console', level: level, text: text });
      now = reply.now;
    };
  }

  globalThis.Date = DateShim;
  globalThis.console = {
    log: consoleMethod('log'),
    info: consoleMethod('info'),
    warn: consoleMethod('warn'),
    error: consoleMethod('error'),
  };
  globalsDescription.forEach(function (service) {
    var object = decode(service.handle);
    if (service.enums) {
      var enums = decode(service.enums);
      Object.keys(enums).forEach(function (key) {
        Object.defineProperty(object, key, { value: Object.freeze(enums[key]), enumerable: true });
      });
    }
    globalThis[service.name] = object;
  });

  return {
    invoke: function (handler, encodedEvent) {
      var fn = globalThis[handler];
      if (typeof fn !== 'function') throw new Error('Script function not found: ' + handler);
      var result = encodedEvent === undefined ? fn() : fn(decode(encodedEvent));
      return encode(result === undefined ? null : result);
    },
  };
});
