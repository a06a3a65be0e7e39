package gov.civilaffairs.relief.extremepoverty;

/**
 * A support institution for extreme-poverty persons (特困人员供养服务机构, e.g. a township 敬老院; 国发〔2016〕14号).
 *
 * @param regionCode GB/T 2260 code of the township (9 digits) or village (12 digits) where it stands
 * @param beds beds for extreme-poverty persons (供养床位)
 * @param occupiedBeds current residents (admitted, not discharged)
 */
public record SupportInstitution(long id, String regionCode, String name, int beds, int occupiedBeds) {
}
