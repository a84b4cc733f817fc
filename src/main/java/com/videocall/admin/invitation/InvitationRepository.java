package com.videocall.admin.invitation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Every change to an invitation changes the aggregate itself (its fields, roles or
 * links), so Hibernate raises its version exactly once per change, with
 * {@code where version = ?}: of two administrators acting on the same version, the later
 * one fails instead of overwriting. (A forced increment on top would raise it twice.)
 * <p>
 * Saving an invitation publishes the events it registered ({@link Invitation#events()});
 * only {@link InvitationChanges} saves, which also records them in the history and sends
 * their emails, and the invitation services save every invitation they change through it,
 * also one already managed.
 */
interface InvitationRepository extends JpaRepository<Invitation, Long> {

	/** The id of an invitation about to be created (see {@link Invitation#getId()}). */
	@Query(value = "select nextval(pg_get_serial_sequence('invitation', 'id'))", nativeQuery = true)
	long nextId();

	/**
	 * The invitation with its roles read in one statement, so that scope is judged on one
	 * consistent state: roles loaded later could already be gone (another administrator
	 * cancelled meanwhile) while the status still says pending.
	 */
	@Query("select i from Invitation i left join fetch i.roles where i.id = ?1")
	Optional<Invitation> findWithRoles(long id);

	/**
	 * Locks the invitation for an automatic reminder (AR2): one job at a time per
	 * invitation.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invitation i where i.id = ?1")
	Optional<Invitation> findForUpdate(long id);

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
