/*
 * ADQL 2.1 (IVOA Recommendation 2023-12-15), syntax only.
 *
 * Keywords that shape the grammar are tokens; function names are ordinary
 * identifiers, checked afterwards against the built-in and user-defined
 * functions (arity, reserved words), so errors can say exactly what is wrong.
 */
grammar Adql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- queries

// one query; a single ';' may end it, as pasted from SQL tools (ADQL itself has no terminator).
// QueryParser refuses anything after the ';' with its own message before parsing.
query
    : withClause? queryExpression SEMICOLON? EOF
    ;

withClause
    : WITH withQuery (',' withQuery)*
    ;

withQuery
    : identifier ('(' identifier (',' identifier)* ')')? AS '(' queryExpression ')'
    ;

// ADQL 2.1 <select_expression>: ORDER BY and OFFSET belong to the whole set operation
// (<query_set_expression> [<order_by_clause>] [<offset_clause>]), not to its last SELECT;
// an operand orders itself only in parentheses
queryExpression
    : queryTerm (setOperator queryTerm)* orderByClause? offsetClause?
    ;

setOperator
    : (UNION | EXCEPT) ALL?
    ;

// INTERSECT binds tighter than UNION and EXCEPT
queryTerm
    : queryPrimary (INTERSECT ALL? queryPrimary)*
    ;

queryPrimary
    : querySpecification
    | '(' queryExpression ')'
    ;

querySpecification
    : SELECT setQuantifier? (TOP UNSIGNED_INTEGER)? selectList
      fromClause whereClause? groupByClause? havingClause?
    ;

setQuantifier
    : DISTINCT | ALL
    ;

selectList
    : '*'
    | selectItem (',' selectItem)*
    ;

selectItem
    : qualifiedName '.' '*'                         # allColumnsOf
    | valueExpression (AS? identifier)?             # derivedColumn
    ;

fromClause
    : FROM tableReference (',' tableReference)*
    ;

tableReference
    : tablePrimary join*
    ;

// <qualified_join> ::= <table_reference> [NATURAL] [<join_type>] JOIN <table_reference> [<join_specification>]:
// without a specification (and not NATURAL) a join has no condition, i.e. it is a cross join.
// NATURAL takes no specification (SQL-92 7.5 syntax rule 1). CROSS JOIN is SQL-92's, not in
// ADQL's BNF, but clients send it and it means what the BNF's JOIN without condition means.
// The right operand is a table or a parenthesised join: an ON then belongs to the JOIN just before it.
join
    : CROSS JOIN tablePrimary                                   # crossJoin
    | NATURAL joinType? JOIN tablePrimary                       # naturalJoin
    | joinType? JOIN tablePrimary joinSpecification?            # qualifiedJoin
    ;

joinType
    : INNER
    | (LEFT | RIGHT | FULL) OUTER?
    ;

joinSpecification
    : ON searchCondition                                        # joinOn
    | USING '(' identifier (',' identifier)* ')'                # joinUsing
    ;

tablePrimary
    : qualifiedName (AS? identifier)?                           # namedTable
    | '(' queryExpression ')' AS? identifier                    # derivedTable
    | '(' tableReference ')'                                    # parenthesisedJoin
    ;

whereClause
    : WHERE searchCondition
    ;

groupByClause
    : GROUP BY valueExpression (',' valueExpression)*
    ;

havingClause
    : HAVING searchCondition
    ;

orderByClause
    : ORDER BY sortSpecification (',' sortSpecification)*
    ;

sortSpecification
    : valueExpression (ASC | DESC)?
    ;

offsetClause
    : OFFSET UNSIGNED_INTEGER
    ;

// ---------------------------------------------------------------- conditions

searchCondition
    : booleanTerm (OR booleanTerm)*
    ;

booleanTerm
    : booleanFactor (AND booleanFactor)*
    ;

booleanFactor
    : NOT? booleanPrimary
    ;

booleanPrimary
    : predicate
    | '(' searchCondition ')'
    ;

predicate
    : valueExpression comparisonOperator valueExpression                          # comparison
    | valueExpression NOT? BETWEEN valueExpression AND valueExpression            # between
    | valueExpression NOT? IN '(' queryExpression ')'                             # inSubquery
    | valueExpression NOT? IN '(' valueExpression (',' valueExpression)* ')'      # inList
    | valueExpression NOT? (LIKE | ILIKE) valueExpression                         # like
    | valueExpression IS NOT? NULL                                                # nullTest
    | EXISTS '(' queryExpression ')'                                              # exists
    ;

comparisonOperator
    : '=' | '<>' | '!=' | '<' | '>' | '<=' | '>='
    ;

// ---------------------------------------------------------------- values

// earlier alternatives bind tighter; the binary operators share one label (one visitor method)
valueExpression
    : primary                                                   # primaryExpression
    | op=('+' | '-' | '~') valueExpression                      # unary
    | valueExpression op=('*' | '/') valueExpression            # binary
    | valueExpression op=('+' | '-') valueExpression            # binary
    | valueExpression op='&' valueExpression                    # binary
    | valueExpression op='^' valueExpression                    # binary
    | valueExpression op='|' valueExpression                    # binary
    | valueExpression op='||' valueExpression                   # binary
    ;

primary
    : literal                                                   # literalValue
    | '(' queryExpression ')'                                   # scalarSubquery
    | '(' valueExpression ')'                                   # parenthesised
    | CAST '(' valueExpression AS castTarget ')'                # cast
    | identifier '(' '*' ')'                                    # countAll
    | identifier '(' setQuantifier? (valueExpression (',' valueExpression)*)? ')'   # functionCall
    | qualifiedName                                             # columnReference
    ;

castTarget
    : identifier identifier? ('(' UNSIGNED_INTEGER ')')?
    ;

literal
    : STRING+                                                   # stringLiteral
    | UNSIGNED_INTEGER                                          # integerLiteral
    | UNSIGNED_DECIMAL                                          # decimalLiteral
    | HEX_INTEGER                                               # hexLiteral
    | NULL                                                      # nullLiteral
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

identifier
    : REGULAR_IDENTIFIER                                        # regularIdentifier
    | DELIMITED_IDENTIFIER                                      # delimitedIdentifier
    ;

// ---------------------------------------------------------------- tokens

ALL: 'ALL';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BY: 'BY';
CAST: 'CAST';
CROSS: 'CROSS';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
HAVING: 'HAVING';
ILIKE: 'ILIKE';
IN: 'IN';
INNER: 'INNER';
INTERSECT: 'INTERSECT';
IS: 'IS';
JOIN: 'JOIN';
LEFT: 'LEFT';
LIKE: 'LIKE';
NATURAL: 'NATURAL';
NOT: 'NOT';
NULL: 'NULL';
OFFSET: 'OFFSET';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
RIGHT: 'RIGHT';
SELECT: 'SELECT';
TOP: 'TOP';
UNION: 'UNION';
USING: 'USING';
WHERE: 'WHERE';
WITH: 'WITH';

HEX_INTEGER: '0x' [0-9a-f]+;
UNSIGNED_DECIMAL
    : [0-9]+ '.' [0-9]* EXPONENT?
    | '.' [0-9]+ EXPONENT?
    | [0-9]+ EXPONENT
    ;
UNSIGNED_INTEGER: [0-9]+;
fragment EXPONENT: 'e' [+-]? [0-9]+;

// 'it''s'; adjacent literals separated by white space form one string
STRING: '\'' ( ~'\'' | '\'\'' )* '\'';
REGULAR_IDENTIFIER: [a-z] [a-z0-9_]*;
DELIMITED_IDENTIFIER: '"' ( ~'"' | '""' )+ '"';

COMMENT: '--' ~[\r\n]* -> skip;
WHITESPACE: [ \t\r\n\f]+ -> skip;

SEMICOLON: ';';

// anything else is an error the parser reports with its position
UNEXPECTED: .;
