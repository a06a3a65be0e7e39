package gov.civilaffairs.relief.payee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code payee_account} (V57). */
@Repository
public class PayeeAccountRepository {

  private final JdbcClient jdbc;

  PayeeAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets (inserts or replaces as a whole) the account of one beneficiary. */
  void save(PayeeAccount account) {
    jdbc.sql("""
        INSERT INTO payee_account (beneficiary_kind, beneficiary_id, holder_name, bank_code, bank_name, account_number,
          updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE holder_name = VALUES(holder_name), bank_code = VALUES(bank_code),
          bank_name = VALUES(bank_name), account_number = VALUES(account_number), updated_at = VALUES(updated_at),
          updated_by = VALUES(updated_by)""")
        .params(account.beneficiaryKind().name(), account.beneficiaryId(), account.holderName(), account.bankCode(),
            account.bankName(), account.accountNumber(), Timestamp.from(account.updatedAt()), account.updatedBy())
        .update();
  }

  Optional<PayeeAccount> find(PayeeAccount.BeneficiaryKind kind, long beneficiaryId) {
    return jdbc.sql("SELECT * FROM payee_account WHERE beneficiary_kind = ? AND beneficiary_id = ?")
        .params(kind.name(), beneficiaryId).query(PayeeAccountRepository::account).optional();
  }

  /**
   * The accounts of the beneficiaries of one payment roll's lines, by beneficiary id (one query).
   *
   * @param rollId the payment roll
   * @param kind the kind of beneficiary of the roll's scheme
   */
  public Map<Long, PayeeAccount> accountsOfRoll(long rollId, PayeeAccount.BeneficiaryKind kind) {
    Map<Long, PayeeAccount> accounts = new HashMap<>();
    jdbc.sql("""
        SELECT a.* FROM payee_account a
        WHERE a.beneficiary_kind = ? AND a.beneficiary_id IN (SELECT l.beneficiary_id FROM payment_roll_line l WHERE l.roll_id = ?)""")
        .params(kind.name(), rollId).query(PayeeAccountRepository::account).list()
        .forEach(a -> accounts.put(a.beneficiaryId(), a));
    return accounts;
  }

  /** Lines of a roll whose beneficiary has no payee account: how many, and their amount (yuan, scale 2). */
  public record WithoutAccount(int lines, java.math.BigDecimal amount) {
  }

  /** The lines of a roll whose beneficiary has no payee account (the roll's control summary, "no account"). */
  public WithoutAccount withoutAccount(long rollId, PayeeAccount.BeneficiaryKind kind) {
    return jdbc.sql("""
        SELECT COUNT(*) AS line_count, COALESCE(SUM(l.amount), 0) AS total FROM payment_roll_line l
        WHERE l.roll_id = ? AND NOT EXISTS (SELECT 1 FROM payee_account a WHERE a.beneficiary_kind = ?
          AND a.beneficiary_id = l.beneficiary_id)""")
        .params(rollId, kind.name())
        .query((rs, n) -> new WithoutAccount(rs.getInt("line_count"), rs.getBigDecimal("total").setScale(2)))
        .single();
  }

  private static PayeeAccount account(ResultSet rs, int n) throws SQLException {
    Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
    return new PayeeAccount(PayeeAccount.BeneficiaryKind.valueOf(rs.getString("beneficiary_kind")),
        rs.getLong("beneficiary_id"), rs.getString("holder_name"), rs.getString("bank_code"), rs.getString("bank_name"),
        rs.getString("account_number"), updatedAt, rs.getString("updated_by"));
  }
}
