import { useI18n } from '../i18n/i18n-context.tsx';
import { useRegions } from '../session/regions-context.tsx';
import { SelectField } from './form-kit.tsx';
import { RegionOptions } from './region-options.tsx';

/** A labelled select of the regions in the user's scope (tree order), with an empty first choice. */
export function RegionField({
  label,
  value,
  onChange,
  testId,
  required,
  message,
  placeholder = '',
}: {
  label: string;
  value: string;
  onChange: (regionId: string) => void;
  testId: string;
  required?: boolean;
  message?: string | null;
  /** The first, empty choice's text (blank unless told, e.g. "all"). */
  placeholder?: string;
}) {
  const { lang } = useI18n();
  const { regions } = useRegions();
  return (
    <SelectField
      label={label}
      message={message}
      value={value}
      onChange={onChange}
      testId={testId}
      required={required}
      placeholder={placeholder}
    >
      <RegionOptions regions={regions} lang={lang} />
    </SelectField>
  );
}
