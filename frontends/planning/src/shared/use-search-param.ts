import { useSearchParams } from 'react-router';

/** A list's search text, kept in the address (?q=…) so "back" restores it. */
export function useSearchParam(): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  return [
    params.get('q') ?? '',
    (value) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set('q', value);
          else next.delete('q');
          return next;
        },
        { replace: true },
      ),
  ];
}
