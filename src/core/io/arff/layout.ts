/**
 * Everything a data-row decoder needs, computed once from the header and the labels: which
 * attribute is which label or feature, and the schema handed to callers. A `split` attribute and
 * the row markers of a resampled file (`is_synthetic`, `source_row`) are neither.
 */
import { isRowMarkerName, isSplitName } from '../columnRoles.js';
import type { DatasetSchema, FeatureColumn, FeatureValue } from '../types.js';
import type { ArffAttribute, ArffHeader } from './header.js';
import type { ArffLabels } from './labels.js';
import { nominalSets, sparseDefault, type NominalSets } from './values.js';

export interface ArffLayout {
  file: string;
  attributes: ArffAttribute[];
  /** Label id of each attribute, or -1. */
  labelOf: Int32Array;
  /** Feature position of each attribute, or -1. */
  featureOf: Int32Array;
  /** The `split` attribute (nominal or string, not a label), or -1. */
  splitAttribute: number;
  labelAttributes: number[];
  featureAttributes: number[];
  nominal: NominalSets;
  /** Feature values of a sparse row that omits everything. */
  sparseDefaults: FeatureValue[];
  /** Whether any feature is not numeric (sparse rows decoded as entries then still carry a features array). */
  hasNonNumericFeatures: boolean;
  /** Label ids a sparse row makes positive by omitting them (a label declared {1,0}). */
  sparseDefaultPositives: number[];
  schema: DatasetSchema;
}

export function buildLayout(file: string, header: ArffHeader, labels: ArffLabels): ArffLayout {
  const attributes = header.attributes;
  const labelOf = new Int32Array(attributes.length).fill(-1);
  labels.labelAttributes.forEach((a, id) => (labelOf[a] = id));
  const splitAttribute = attributes.findIndex((a, k) => labelOf[k] < 0 && a.type !== 'numeric' && isSplitName(a.name));
  const featureAttributes = attributes.map((_, k) => k).filter((k) => labelOf[k] < 0 && k !== splitAttribute && !isRowMarkerName(attributes[k].name));
  const featureOf = new Int32Array(attributes.length).fill(-1);
  featureAttributes.forEach((a, position) => (featureOf[a] = position));
  const sparseDefaultPositives = labels.labelAttributes.flatMap((a, id) => (sparseDefault(attributes[a]) === '1' ? [id] : []));
  return {
    file,
    attributes,
    labelOf,
    featureOf,
    splitAttribute,
    labelAttributes: labels.labelAttributes,
    featureAttributes,
    nominal: nominalSets(attributes),
    sparseDefaults: featureAttributes.map((k) => sparseDefault(attributes[k])),
    hasNonNumericFeatures: featureAttributes.some((k) => attributes[k].type !== 'numeric'),
    sparseDefaultPositives,
    schema: {
      file,
      format: 'arff',
      labelNames: labels.labelNames,
      features: featureAttributes.map((k) => featureColumn(attributes[k])),
      labelSource: labels.source,
      notes: [...labels.notes, ...typeNotes(featureAttributes.map((k) => attributes[k]))],
      ...(splitAttribute >= 0 ? { splitColumn: attributes[splitAttribute].name } : {}),
    },
  };
}

function featureColumn(attribute: ArffAttribute): FeatureColumn {
  if (attribute.type === 'numeric') return { name: attribute.name, kind: 'numeric' };
  if (attribute.type === 'nominal') return { name: attribute.name, kind: 'categorical', values: [...(attribute.values ?? [])] };
  return { name: attribute.name, kind: 'text' };
}

function typeNotes(features: readonly ArffAttribute[]): string[] {
  const dates = features.filter((a) => a.type === 'date').map((a) => a.name);
  return dates.length > 0 ? [`date attributes are read as text: ${dates.join(', ')}`] : [];
}
