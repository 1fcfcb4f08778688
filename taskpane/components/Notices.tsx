import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Messages } from '../../src/i18n';

interface Props {
  t: Messages;
  error: string | null;
  notices: string[];
  /** Sentences that need the user's attention (notes left behind, protected sheets). */
  warnings?: string[];
}

/** Excel's errors as sentences (never a blank pane), and what the last action did. */
export function Notices({ t, error, notices, warnings = [] }: Props) {
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
      {warnings.map((n) => (
        <MessageBar key={n} intent="warning" data-testid="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {notices.map((n) => (
        <MessageBar key={n} intent="info" data-testid="notice">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
