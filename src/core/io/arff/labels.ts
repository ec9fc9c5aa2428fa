/**
 * Which ARFF attributes are the labels: given by name in the options, else a MULAN xml beside
 * the file (it wins over anything in @relation), else MEKA's `-C N` in the relation name.
 */
import * as path from 'node:path';
import { DatasetError } from '../../errors.js';
import type { ReadOptions } from '../types.js';
import type { ArffAttribute, ArffHeader } from './header.js';
import { mekaLabelAttributes, mekaLabelCount } from './mekaOption.js';
import { findMulanXml, readMulanLabels } from './mulanXml.js';

export interface ArffLabels {
  labelNames: string[];
  /** Attribute index of each label, in label-id order. */
  labelAttributes: number[];
  source: string;
  notes: string[];
}

export async function resolveArffLabels(file: string, header: ArffHeader, options: ReadOptions): Promise<ArffLabels> {
  const labels = await chooseLabels(file, header, options);
  for (const index of labels.labelAttributes) checkLabelType(file, header.attributes[index]);
  return labels;
}

async function chooseLabels(file: string, header: ArffHeader, options: ReadOptions): Promise<ArffLabels> {
  if (options.labels && options.labels.length > 0) {
    return byName(file, header, options.labels, `${options.labels.length} labels given by name`, []);
  }
  const meka = mekaLabelCount(header.relation);
  const xml = await findMulanXml(file);
  if (xml) {
    const names = await readMulanLabels(xml);
    const xmlName = path.basename(xml);
    const notes = meka === undefined ? [] : [`the relation's -C ${meka} option was ignored: ${xmlName} defines the labels`];
    return byName(file, header, names, `${names.length} labels named in ${xmlName} (MULAN)`, notes, xmlName);
  }
  if (meka !== undefined) return byMeka(file, header, meka);
  throw new DatasetError(
    { file },
    'cannot tell which attributes are the labels: there is no MULAN label file beside this ARFF and @relation has no MEKA -C option',
    `MULAN: put ${path.basename(file).replace(/\.arff$/i, '')}.xml beside it, listing <label name="..."></label> per label attribute; ` +
      "MEKA: name the relation 'Name: -C N' (the first N attributes are labels; -C -N: the last N)",
  );
}

function byName(file: string, header: ArffHeader, names: readonly string[], source: string, notes: string[], from?: string): ArffLabels {
  const index = new Map(header.attributes.map((a, k) => [a.name, k]));
  const labelAttributes = names.map((name) => {
    const k = index.get(name);
    if (k === undefined) {
      const where = from ? ` (named in ${from})` : '';
      throw new DatasetError({ file }, `label '${name}'${where} is not an attribute of ${path.basename(file)}`, 'label names must match @attribute names exactly (case and spaces included)');
    }
    return k;
  });
  return { labelNames: [...names], labelAttributes, source, notes };
}

function byMeka(file: string, header: ArffHeader, n: number): ArffLabels {
  const attributes = mekaLabelAttributes(n, header.attributes.length);
  if (typeof attributes === 'string') throw new DatasetError({ file, line: header.relationLine || undefined }, `MEKA option in @relation: ${attributes}`);
  const which = n > 0 ? 'first' : 'last';
  return {
    labelNames: attributes.map((k) => header.attributes[k].name),
    labelAttributes: attributes,
    source: `${attributes.length} labels: the ${which} ${attributes.length} attributes (MEKA -C ${n} in @relation)`,
    notes: [],
  };
}

/** A label is a nominal {0,1} attribute, or a numeric one holding 0/1. */
function checkLabelType(file: string, attribute: ArffAttribute): void {
  if (attribute.type === 'numeric') return;
  if (attribute.type === 'nominal' && (attribute.values ?? []).every((v) => v === '0' || v === '1')) return;
  const declared = attribute.type === 'nominal' ? `{${(attribute.values ?? []).join(',')}}` : attribute.type;
  throw new DatasetError({ file, line: attribute.line }, `label attribute '${attribute.name}' is declared ${declared}: a label must be nominal {0,1} or numeric 0/1`);
}
