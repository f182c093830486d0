/** The bordereau is composed in core/common, beside the letters and from the same sender block. */
export { BORDEREAU_TITLE, composeBordereau, type BordereauEntry } from '../../common/letter/bordereau.js';
