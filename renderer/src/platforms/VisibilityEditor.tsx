import { ActionMessage } from '../components/ActionMessage';
import { addVisibility, removeVisibility, useVisibilities } from '../model/visibilities';
import { useAction } from '../use-action';

/** Every SM plan and whether this platform may see it; a click adds or removes the SM visibility. */
export function VisibilityEditor({ platformId }: { platformId: string | null }) {
  const data = useVisibilities();
  const { error, busy, run } = useAction();
  if (data.state !== 'ok') return null;
  const { catalog, visibilities } = data.data;
  return (
    <details className="visibility-editor">
      <summary>Edit visibilities</summary>
      <ActionMessage error={error} />
      <table className="table">
        <tbody>
          {catalog.plans.map((plan) => {
            const offering = catalog.offerings.find((candidate) => candidate.id === plan.service_offering_id);
            const visibility = visibilities.find(
              (candidate) =>
                candidate.service_plan_id === plan.id &&
                (candidate.platform_id === null || candidate.platform_id === platformId),
            );
            return (
              <tr key={plan.id}>
                <th scope="row">
                  {offering?.name} · {plan.name}
                </th>
                <td>
                  {!visibility
                    ? 'hidden from this platform'
                    : visibility.platform_id
                      ? 'visible to this platform'
                      : 'visible to every platform'}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    onClick={() =>
                      run(() =>
                        visibility
                          ? removeVisibility(visibility.id)
                          : addVisibility({ service_plan_id: plan.id, platform_id: platformId }),
                      )
                    }
                  >
                    {!visibility ? 'show here' : visibility.platform_id ? 'hide here' : 'hide everywhere'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
