import type { ComponentProps, MouseEvent } from 'react';
import { navigate } from './router.ts';

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string };

/** An anchor that navigates client-side on a plain left click and behaves natively otherwise (new tab, etc.). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
