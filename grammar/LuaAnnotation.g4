// One lua-language-server annotation line: the text after `---@` (e.g. `param name? string  Doc.`),
// plus sloth's tags @effect, @plan and @secret. The C++ side splits a comment block into lines,
// joins `---|` alias continuation lines onto their @alias, and walks the parse tree with the
// generated accessors (no visitor: antlrcpp::Any drops non-trivially-copyable values in 4.9).
//
// Free text (descriptions) follows the structured part of most tags; it is matched token by token
// with `.` and the caller takes the raw source text of that range. The lexer never fails: any
// character that starts no other token (a stray apostrophe in prose, a backtick) is an ANY token.
grammar LuaAnnotation;

annotation : tag EOF ;

tag
    : 'meta' identifier? description?                                              # metaTag
    | 'class' classAttributes? qualifiedName genericNames? (':' qualifiedName (',' qualifiedName)*)? description? # classTag
    | 'field' visibility? fieldKey '?'? type description?                         # fieldTag
    | 'param' paramName '?'? type description?                                    # paramTag
    | 'return' returnItem (',' returnItem)* description?                          # returnTag
    | 'alias' qualifiedName genericNames? type? description?                      # aliasTag
    | 'type' type (',' type)* description?                                        # typeTag
    | 'overload' functionType description?                                        # overloadTag
    | 'generic' genericParam (',' genericParam)* description?                     # genericTag
    | 'vararg' type description?                                                  # varargTag
    | 'cast' identifier castType (',' castType)* description?                     # castTag
    | 'enum' ('(' identifier ')')? qualifiedName description?                     # enumTag
    | 'deprecated' description?                                                   # deprecatedTag
    | 'diagnostic' description?                                                   # diagnosticTag
    | 'see' description?                                                          # seeTag
    | 'nodiscard' description?                                                    # nodiscardTag
    | 'async' description?                                                        # asyncTag
    | 'effect' identifier description?                                            # effectTag
    | 'plan' STRING description?                                                  # planTag
    | 'secret' description?                                                       # secretTag
    | otherTagName description?                                                   # otherTag
    ;

// Tags this grammar does not model (`---@module`, `---@private`, a typo); never one it models, so
// a broken `---@param` line is an error instead of an unknown tag.
otherTagName : NAME | 'public' | 'private' | 'protected' | 'package' | 'fun' | 'true' | 'false' ;

classAttributes : '(' identifier (',' identifier)* ')' ;

// `---@class List<T>`, `---@alias Callback<T>`: the parameters stand for any.
genericNames : '<' identifier (',' identifier)* '>' ;

// `package` is left out: stow's `---@field package string` is a field named package.
visibility : 'public' | 'private' | 'protected' ;

fieldKey
    : identifier
    | '[' type ']'
    ;

paramName : identifier | ELLIPSIS ;

returnItem : type (identifier | ELLIPSIS)? | ELLIPSIS type? ;

genericParam : identifier (':' type)? ;

castType : ('+' | '-')? type ;

// ----- type expressions -----

type : '|'? postfixType ('|' postfixType)* ;

postfixType : primaryType typeSuffix* ;

typeSuffix
    : '[' ']'    # arraySuffix
    | '?'        # optionalSuffix
    ;

primaryType
    : functionType                                        # funType
    | '{' (tableTypeField ((',' | ';') tableTypeField)* (',' | ';')?)? '}' # tableLiteralType
    | '(' type ')'                                        # parenType
    | STRING                                              # stringLiteralType
    | NUMBER                                              # numberLiteralType
    | ('true' | 'false')                                  # booleanLiteralType
    | ELLIPSIS                                            # varargType
    | BACKTICK_NAME                                       # capturedGenericType
    | qualifiedName ('<' type (',' type)* '>')?           # namedType
    ;

functionType : 'async'? 'fun' '(' (functionParam (',' functionParam)*)? ')' (':' functionReturns)? ;

functionParam
    : identifier '?'? (':' type)?
    | ELLIPSIS (':' type)?
    ;

functionReturns
    : '(' functionReturn (',' functionReturn)* ')'
    | functionReturn (',' functionReturn)*
    ;

functionReturn
    : identifier '?'? ':' type
    | ELLIPSIS (':' type)?
    | type ELLIPSIS?
    ;

tableTypeField
    : identifier '?'? ':' type
    | '[' type ']' ':' type
    ;

qualifiedName : identifier ('.' identifier)* ;

// Keywords of this grammar stay usable as names: a field called `type`, a parameter called `table`.
identifier
    : NAME
    | 'meta' | 'class' | 'field' | 'param' | 'return' | 'alias' | 'type' | 'overload' | 'generic'
    | 'vararg' | 'cast' | 'enum' | 'deprecated' | 'diagnostic' | 'see' | 'nodiscard' | 'async'
    | 'effect' | 'plan' | 'secret' | 'public' | 'private' | 'protected' | 'package' | 'fun'
    | 'true' | 'false'
    ;

// Everything after the structured part, as tokens; the caller reads the raw text of the range.
// It may not start with a token that would continue a type, so `string|` and `table<string` are
// syntax errors instead of a type followed by prose.
description : ~('|' | '<' | '>' | '?' | '[' | ']' | ',' | ':' | '.') .*? ;

// ----- lexer -----

NAME : [A-Za-z_] [A-Za-z0-9_]* '*'? ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' | '\'' (~['\\\r\n] | '\\' .)* '\'' ;
NUMBER : '-'? [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? | '-'? '0' [xX] [0-9A-Fa-f]+ ;
ELLIPSIS : '...' ;
BACKTICK_NAME : '`' [A-Za-z_] [A-Za-z0-9_.]* '`' ;  // LuaLS's generic capture: `---@param name `T``
WS : [ \t\r\n]+ -> skip ;
ANY : . ;
