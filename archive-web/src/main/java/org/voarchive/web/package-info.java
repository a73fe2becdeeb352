/**
 * What every request passes through: authentication (HTTP Basic), the one caller and client-address lookup,
 * cross-site request and body-size limits, request logging, the Server header, and the error pages and mappers
 * that keep container errors and unexpected failures from reaching clients as stack traces.
 */
package org.voarchive.web;
