/**
 * The account over HTTP (JSON): signing in and out of the portal (a session cookie beside HTTP Basic), who the
 * caller is, what they store of their quota with their personal tables ({@code /account/storage}), and the
 * caller's personal API tokens (list, create, revoke); for administrators, the users and groups of the archive
 * (AdminAccountsResource, /admin/accounts), what every user stores and the groups' quotas
 * (AdminStorageResource, /admin/storage; AdminGroupsResource, /admin/groups/NAME/quota). The account page itself is the
 * portal's ({@code portal.AccountPageResource}); checking credentials is {@code web.CallerAuthentication}'s.
 */
package org.voarchive.account;
