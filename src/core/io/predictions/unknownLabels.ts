/** Label names in predicted label lists that the truth does not have: collected over the file, reported at once. */
import { DatasetError } from '../../errors.js';
import { listSome } from './listing.js';

export class UnknownLabels {
  private readonly names = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly labelNames: readonly string[],
  ) {}

  add(name: string, line: number): void {
    if (!this.names.has(name)) this.names.set(name, line);
  }

  throwIfAny(): void {
    if (this.names.size === 0) return;
    const [first, line] = [...this.names.entries()][0];
    throw new DatasetError(
      { file: this.file, line },
      `predictions have labels the truth does not: ${listSome([...this.names.keys()])}`,
      `the first, "${first}", is on line ${line}; truth labels: ${listSome([...this.labelNames], 20)}`,
    );
  }
}
