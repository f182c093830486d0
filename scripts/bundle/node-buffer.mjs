/**
 * Node's buffer module in place of the copy of the browser's `buffer` package inside fontkit's ES build (see
 * scripts/bundle-cli.mjs). fontkit and restructure still call `new Buffer(…)`, which Node deprecates with a warning:
 * their Buffer is a function that does what that call means, without it, and is Node's Buffer in every other way.
 */
import * as nodeBuffer from 'node:buffer';

const NodeBuffer = nodeBuffer.Buffer;

function Buffer(value, encodingOrOffset, length) {
  return typeof value === 'number' ? NodeBuffer.alloc(value) : NodeBuffer.from(value, encodingOrOffset, length);
}
Object.setPrototypeOf(Buffer, NodeBuffer);
Buffer.prototype = NodeBuffer.prototype;

export default { ...nodeBuffer, Buffer };
