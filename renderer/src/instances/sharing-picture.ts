import type { Connector } from '../components/ConnectorLines';
import type { DetachedOriginal, InstancesData } from '../model/instances';

/**
 * A line from each shared instance to every instance that references it; from a detached original (gone from
 * the SM, still at the broker) the line is drawn dashed to where it was.
 */
export function sharingLines(data: InstancesData): Connector[] {
  return data.instances.flatMap((instance) =>
    instance.referencedInstanceId
      ? [
          {
            from: instance.referencedInstanceId,
            to: instance.id,
            className: instance.detachedOriginal ? 'share-line share-line-detached' : 'share-line',
            testId: `share-${instance.referencedInstanceId}--${instance.id}`,
          },
        ]
      : [],
  );
}

/** The detached originals that were on `platform`, each with how many references still hold it. */
export function detachedOriginalsOn(
  data: InstancesData,
  platform: string,
): Array<{ original: DetachedOriginal; references: number }> {
  const found = new Map<string, { original: DetachedOriginal; references: number }>();
  for (const { detachedOriginal: original } of data.instances) {
    if (original?.platform !== platform) continue;
    const entry = found.get(original.id) ?? { original, references: 0 };
    found.set(original.id, { ...entry, references: entry.references + 1 });
  }
  return [...found.values()];
}
