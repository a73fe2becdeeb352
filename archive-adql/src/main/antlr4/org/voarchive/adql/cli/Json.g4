/* JSON (RFC 8259), for the catalogue file of the command-line tool. */
grammar Json;

document: value EOF;

value
    : object                # objectValue
    | array                 # arrayValue
    | STRING                # stringValue
    | NUMBER                # numberValue
    | 'true'                # trueValue
    | 'false'               # falseValue
    | 'null'                # nullValue
    ;

object: '{' (member (',' member)*)? '}';
member: STRING ':' value;
array: '[' (value (',' value)*)? ']';

STRING: '"' (ESCAPE | ~["\\\u0000-\u001F])* '"';
fragment ESCAPE: '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX);
fragment HEX: [0-9a-fA-F];
NUMBER: '-'? ('0' | [1-9] [0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?;
WHITESPACE: [ \t\n\r]+ -> skip;
UNEXPECTED: .;
