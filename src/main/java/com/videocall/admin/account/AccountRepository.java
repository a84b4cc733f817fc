package com.videocall.admin.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<UserAccount, Long> {

	@Query("select a from UserAccount a where lower(a.email) = lower(?1)")
	Optional<UserAccount> findByEmail(String email);

}
