import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  /** The name last used in this workbook, offered again. */
  reviewer: string;
  disabled: boolean;
  onVerify(reviewer: string, reason: string): void;
}

/**
 * 「已核实」 on one finding: asks who and why (both required — a review without a reason cannot be
 * judged later), then hands them to the pane, which keeps the entry in the workbook.
 */
export function VerifyAction({ t, reviewer, disabled, onVerify }: Props) {
  const styles = usePaneStyles();
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState(reviewer);
  const [why, setWhy] = useState('');
  const [tried, setTried] = useState(false);
  if (!open) {
    return (
      <Button size="small" data-testid="verify" disabled={disabled} onClick={() => setOpen(true)}>
        {t.verify}
      </Button>
    );
  }
  const missing = !who.trim() || !why.trim();
  return (
    <form
      className={styles.verifyForm}
      data-testid="verify-form"
      // Our own sentence for a missing answer, in the pane's language, not the browser's bubble.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (missing) return;
        setOpen(false);
        onVerify(who.trim(), why.trim());
      }}
    >
      <Field label={t.verifyReviewer} required>
        <Input data-testid="verify-reviewer" value={who} onChange={(_, d) => setWho(d.value)} />
      </Field>
      <Field label={t.verifyReason} required hint={t.verifyReasonHint} validationState={tried && missing ? 'error' : 'none'} validationMessage={tried && missing ? t.verifyMissing : undefined}>
        <Textarea data-testid="verify-reason" value={why} autoFocus onChange={(_, d) => setWhy(d.value)} />
      </Field>
      <div className={styles.verifyActions}>
        <Button appearance="primary" type="submit" data-testid="verify-confirm" disabled={disabled}>
          {t.verifyConfirm}
        </Button>
        <Button data-testid="verify-cancel" onClick={() => setOpen(false)}>
          {t.verifyCancel}
        </Button>
      </div>
    </form>
  );
}
