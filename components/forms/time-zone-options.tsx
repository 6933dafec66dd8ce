/** The options of a time-zone select: every IANA zone the server knows. */
export function TimeZoneOptions({ zones }: { zones: string[] }) {
  return zones.map((z) => (
    <option key={z} value={z}>
      {z}
    </option>
  ));
}
