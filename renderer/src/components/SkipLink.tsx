import './skip-link.css';
/**
 * The first stop of the keyboard: jumps past the navigation to the view. The hash holds the route, so the
 * link moves the focus itself instead of following `#target`.
 */
export function SkipLink({ target }: { target: string }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
