package gov.civilaffairs.incomeverification.department;

/**
 * A department whose data enters household economic verification (家庭经济状况核对), and what it
 * tells: the categories of {@link Finding} it answers with. Each has its own HTTP client group and its
 * own Resilience4j instances, all named {@link #id()} ({@code spring.http.serviceclient.<id>.*},
 * {@code resilience4j.*.instances.<id>.*}); the contracts are in {@code contracts/departments/<id>.yaml}.
 */
public enum Source {
  /** 税务: wages and business income, yuan per month. */
  TAX("tax"),
  /** 人力资源和社会保障: pensions, unemployment benefit, yuan per month. */
  HUMAN_RESOURCES_SOCIAL_SECURITY("human-resources-social-security"),
  /** 住房公积金: account balance, yuan. */
  HOUSING_PROVIDENT_FUND("housing-provident-fund"),
  /** 不动产登记: properties, assessed value in yuan. */
  REAL_ESTATE("real-estate"),
  /** 公安交管 (车辆): vehicles, value in yuan. */
  VEHICLES("vehicles"),
  /** 银行 (存款及理财): deposits and wealth products, balance in yuan. */
  BANK_DEPOSITS("bank-deposits"),
  /** 市场监管: business registrations, registered capital in yuan. */
  MARKET_REGULATION("market-regulation"),
  /** This platform's registry-service: deaths and household registration (ours, not another department's). */
  REGISTRY("registry");

  private final String id;

  Source(String id) {
    this.id = id;
  }

  /** Kebab-case name of the client group, the Resilience4j instances and the contract file. */
  public String id() {
    return id;
  }
}
