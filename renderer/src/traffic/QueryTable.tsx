import { queryParameters } from './status-line';

/** The query parameters of a request URL, decoded, one a row; nothing for a URL without a query. */
export function QueryTable({ url }: { url: string }) {
  const parameters = queryParameters(url);
  if (parameters.length === 0) return null;
  return (
    <section className="message" aria-label="Query parameters">
      <h3>Query parameters</h3>
      <table className="headers" data-testid="query-table">
        <tbody>
          {parameters.map(([name, value], index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a name may repeat; the order is the key.
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
