package com.videocall.admin.account;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<UserAccount, Long> {

	@Query("select a from UserAccount a where lower(a.email) = lower(?1)")
	Optional<UserAccount> findByEmail(String email);

	/**
	 * The account, locked to the end of the transaction ({@code for update}): a
	 * transaction that inserts a row referring to it (a new invitation) waits, or is
	 * waited for.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from UserAccount a where a.id = ?1")
	Optional<UserAccount> findLocked(long id);

}
