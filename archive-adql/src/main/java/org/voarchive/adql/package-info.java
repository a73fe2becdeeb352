/**
 * ADQL 2.1 in pure Java: the ANTLR 4 grammar's parser (QueryParser, with positioned errors), the rules the
 * grammar leaves open (SyntaxValidator), the AST builder, and the registry of standard and user-defined functions.
 * No Jakarta EE and no JDBC: the server and the command-line checker use it alike.
 */
package org.voarchive.adql;
