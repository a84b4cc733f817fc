-- A page of the Pending Invitations list read from the keys' index alone (decision 12): the two
-- list orders also hold every other key a page shows, so a deep page (offset) skips index
-- entries without visiting the table, and only the rows shown are read further.
drop index pending_invitation_invited;
create index pending_invitation_invited on pending_invitation (first_invited_at, invitation_id)
    include (link_expires_at, delivery);
drop index pending_invitation_expiry;
create index pending_invitation_expiry on pending_invitation (link_expires_at, invitation_id)
    include (first_invited_at, delivery);
