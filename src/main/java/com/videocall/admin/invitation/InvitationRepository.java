package com.videocall.admin.invitation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

	/**
	 * For a change: the version is raised at commit whatever changes, so two
	 * administrators acting on the same version never both succeed.
	 */
	@Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
	@Query("select i from Invitation i where i.id = ?1")
	Optional<Invitation> findForChange(long id);

	@Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
	@Query("select i from Invitation i where i.accountId = ?1 and i.status = com.videocall.admin.invitation.InvitationStatus.PENDING")
	Optional<Invitation> findPendingForChange(long accountId);

	@Query("select i from Invitation i join i.links l where l.tokenSha256 = ?1")
	Optional<Invitation> findByTokenHash(byte[] tokenSha256);

	/**
	 * Locks the invitation, so that one link is used at most once even when sent twice at
	 * once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invitation i join i.links l where l.tokenSha256 = ?1")
	Optional<Invitation> findByTokenHashForUpdate(byte[] tokenSha256);

}
