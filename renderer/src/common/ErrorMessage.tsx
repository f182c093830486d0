/** An error the user must read: announced at once by screen readers. */
export function ErrorMessage({ message }: { message: string | null }) {
  return (
    <div className="error-message" role="alert">
      {message && <p>{message}</p>}
    </div>
  );
}
