package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A disaster shelter (避灾安置场所 / 应急避难场所): 《自然灾害救助条例》 (国务院令第577号, 2019 revision) art. 11: local
 * governments plan and set up shelters in parks, squares, stadiums and other public facilities, with clear signs.
 *
 * @param regionCode GB/T 2260 code of where it lies: 6 (county), 9 (township) or 12 digits (village)
 * @param latitude WGS-84 degrees, or null; {@code longitude} likewise (both or neither)
 * @param capacity persons it can take in
 * @param level who runs it: {@code COUNTY}, {@code TOWNSHIP} or {@code VILLAGE} (县级, 乡镇级, 村级避灾安置场所)
 * @param establishedOn the day it was set up (its "added" date in the statistics)
 */
public record Shelter(long id, String regionCode, String name, String address, BigDecimal latitude,
    BigDecimal longitude, int capacity, String level, LocalDate establishedOn) {
}
