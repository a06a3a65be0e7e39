-- One schema per service, in utf8mb4 (names such as 𠮷 are four-byte characters). Runs once, when
-- the MySQL data volume is created. The application account (MYSQL_USER, created by the image
-- from the environment) may use these schemas only.
CREATE DATABASE IF NOT EXISTS registry CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS relief CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS eldercare CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS veterans CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS income_verification CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
GRANT ALL PRIVILEGES ON registry.* TO 'civilaffairs'@'%';
GRANT ALL PRIVILEGES ON relief.* TO 'civilaffairs'@'%';
GRANT ALL PRIVILEGES ON eldercare.* TO 'civilaffairs'@'%';
GRANT ALL PRIVILEGES ON veterans.* TO 'civilaffairs'@'%';
GRANT ALL PRIVILEGES ON income_verification.* TO 'civilaffairs'@'%';
