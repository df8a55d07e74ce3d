/** Radio buttons shown as one segmented control (position, satisfaction scale, answer kind). */
export function SegmentedChoice<T extends string>(props: {
  name: string;
  value: T;
  options: readonly T[];
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <div className="pb-seg">
      {props.options.map((option) => (
        <label key={option} className={`pb-seg__item ${props.value === option ? 'pb-seg__item--on' : ''}`}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {props.labelOf(option)}
        </label>
      ))}
    </div>
  );
}
