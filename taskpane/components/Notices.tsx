import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Messages } from '../../src/i18n';

interface Props {
  t: Messages;
  error: string | null;
  notices: string[];
}

/** Excel's errors as sentences (never a blank pane), and what the last action did. */
export function Notices({ t, error, notices }: Props) {
  return (
    <>
      {error ? (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {notices.map((n) => (
        <MessageBar key={n} intent="info" data-testid="notice">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
