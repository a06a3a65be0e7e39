package gov.civilaffairs.incomeverification.department;

import java.math.BigDecimal;
import java.util.Objects;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;

/**
 * One fact a department reported about one household member.
 *
 * @param nationalIdNumber the member, 18 characters, check character upper case
 * @param category what the amount is
 * @param amount yuan, scale 2: per month for an income category, a value or balance for an asset
 *     category, {@code 0.00} for {@link Category#DECEASED}
 */
public record Finding(@Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, Category category, BigDecimal amount) {

  public Finding {
    Objects.requireNonNull(nationalIdNumber, "nationalIdNumber");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(amount, "amount");
  }

  /** Whether a category is monthly income, an asset, or a civil status fact. */
  public enum Kind {
    INCOME, ASSET, STATUS
  }

  /** The categories of the departments' contracts ({@code contracts/departments/*.yaml}). */
  public enum Category {
    WAGES(Kind.INCOME),
    BUSINESS_INCOME(Kind.INCOME),
    PENSION(Kind.INCOME),
    UNEMPLOYMENT_BENEFIT(Kind.INCOME),
    HOUSING_PROVIDENT_FUND(Kind.ASSET),
    REAL_ESTATE(Kind.ASSET),
    VEHICLES(Kind.ASSET),
    DEPOSITS_AND_WEALTH_PRODUCTS(Kind.ASSET),
    BUSINESS_REGISTRATIONS(Kind.ASSET),
    /** The registry knows the member as deceased. */
    DECEASED(Kind.STATUS);

    private final Kind kind;

    Category(Kind kind) {
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
