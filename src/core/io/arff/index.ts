/** ARFF (MULAN and MEKA) reading. */
export { openArff, scanArffLabels } from './reader.js';
export type { ArffAttribute, ArffAttributeType, ArffHeader } from './header.js';
export { findMulanXml, parseMulanLabels } from './mulanXml.js';
export { mekaLabelCount } from './mekaOption.js';
