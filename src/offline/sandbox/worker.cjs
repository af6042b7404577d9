// One Apps Script execution in its own thread. Every service call is a synchronous round trip to
// the host thread (postMessage, then Atomics.wait until the host answers), so the script's code
// stays synchronous, as in Apps Script, while the host decides which execution runs next.
'use strict';
const vm = require('node:vm');
const { workerData, receiveMessageOnPort } = require('node:worker_threads');

const { port, signal, runtimeSource, code, services, now, handler, event } = workerData;
// signal[0]: the host's answer is ready; signal[1]: counts messages posted to the host.
const flag = new Int32Array(signal);
// Only ever waited on with a timeout: a way to sleep a millisecond in a worker.
const nap = new Int32Array(new SharedArrayBuffer(4));

function ring() {
  Atomics.add(flag, 1, 1);
  Atomics.notify(flag, 1);
}

function roundTrip(message) {
  port.postMessage(message);
  ring();
  Atomics.wait(flag, 0, 0);
  Atomics.store(flag, 0, 0);
  // The flag can become visible a moment before the host's message reaches this port: poll
  // briefly instead of giving up (seen under load on 2 cores).
  for (let attempt = 0; ; attempt++) {
    const received = receiveMessageOnPort(port);
    if (received) return received.message;
    if (attempt > 20000) throw new Error('sandbox worker: woken without a reply');
    Atomics.wait(nap, 0, 0, 1);
  }
}

// The host releases this execution when the scheduler lets it start.
const start = roundTrip({ op: 'ready' });
const context = vm.createContext({}, { name: 'execution' });
let result;
try {
  const boot = vm.runInContext(runtimeSource, context, { filename: 'runtime.js' });
  const runtime = boot(roundTrip, services, start.now ?? now);
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  result = { op: 'done', ok: true, value: runtime.invoke(handler, event) };
} catch (error) {
  const message = error && error.stack ? String(error.stack) : String(error);
  result = { op: 'done', ok: false, error: message };
}
port.postMessage(result);
ring();
