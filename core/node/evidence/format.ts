/** The size formatter lives in core/common/format (the screens use it too): one way to write « 3,4 Mo ». */
export { formatSize } from '../../common/format/size.js';
