/**
 * Request ids: the id of the request or job a thread works for, in every log record and error document.
 */
package org.voarchive.logging;
