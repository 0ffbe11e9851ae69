// Lua 5.4 syntax (reference manual §3 and §9) for the ANTLR 4.7.2 tool.
//
// Tokens come from sloth's hand-written lexer (frontend/src/Lexer.cpp), not from an ANTLR lexer:
// Lua source is bytes, long brackets need counting, and the lexer's errors are ours to word.
// The `tokens` block below fixes the vocabulary both sides share.
//
// Shape follows lparser.c: `suffixedexp` instead of var/prefixexp/functioncall, so pure SLL
// prediction never needs a full-LL retry on valid input. Two rules the grammar does not
// enforce are checked on the tree: an expression statement must end in a call, and an
// assignment target must be a name, field or index.
parser grammar LuaParser;

tokens {
  NAME, NUMERAL, STRING,
  AND, BREAK, DO, ELSE, ELSEIF, END, FALSE, FOR, FUNCTION, GOTO, IF, IN, LOCAL, NIL, NOT, OR,
  REPEAT, RETURN, THEN, TRUE, UNTIL, WHILE,
  PLUS, MINUS, STAR, SLASH, PERCENT, CARET, HASH, AMP, TILDE, PIPE, SHL, SHR, DSLASH,
  EQ, NE, LE, GE, LT, GT, ASSIGN, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET,
  DBCOLON, SEMI, COLON, COMMA, DOT, CONCAT, ELLIPSIS
}

chunk : block EOF ;

block : stat* retstat? ;

stat
  : SEMI                                                         # EmptyStat
  | suffixedexp ((COMMA suffixedexp)* ASSIGN explist)?           # ExprStat
  | DBCOLON NAME DBCOLON                                         # LabelStat
  | BREAK                                                        # BreakStat
  | GOTO NAME                                                    # GotoStat
  | DO block END                                                 # DoStat
  | WHILE exp DO block END                                       # WhileStat
  | REPEAT block UNTIL exp                                       # RepeatStat
  | IF exp THEN block (ELSEIF exp THEN block)* (ELSE block)? END # IfStat
  | FOR NAME ASSIGN exp COMMA exp (COMMA exp)? DO block END      # NumericForStat
  | FOR NAME (COMMA NAME)* IN explist DO block END               # GenericForStat
  | FUNCTION funcname funcbody                                   # FunctionStat
  | LOCAL FUNCTION NAME funcbody                                 # LocalFunctionStat
  | LOCAL attname (COMMA attname)* (ASSIGN explist)?             # LocalStat
  ;

retstat : RETURN explist? SEMI? ;

attname : NAME (LT NAME GT)? ;

funcname : NAME (DOT NAME)* (COLON NAME)? ;

explist : exp (COMMA exp)* ;

exp
  : NIL                                                # NilExp
  | FALSE                                              # FalseExp
  | TRUE                                               # TrueExp
  | NUMERAL                                            # NumberExp
  | STRING                                             # StringExp
  | ELLIPSIS                                           # VarargExp
  | FUNCTION funcbody                                  # FunctionExp
  | suffixedexp                                        # SuffixedExpr
  | tableconstructor                                   # TableExp
  | <assoc=right> exp CARET exp                        # PowerExp
  | op=(NOT | HASH | MINUS | TILDE) exp                # UnaryExp
  | exp op=(STAR | SLASH | DSLASH | PERCENT) exp       # MulExp
  | exp op=(PLUS | MINUS) exp                          # AddExp
  | <assoc=right> exp CONCAT exp                       # ConcatExp
  | exp op=(SHL | SHR) exp                             # ShiftExp
  | exp AMP exp                                        # BandExp
  | exp TILDE exp                                      # BxorExp
  | exp PIPE exp                                       # BorExp
  | exp op=(LT | GT | LE | GE | NE | EQ) exp           # CompareExp
  | exp AND exp                                        # AndExp
  | exp OR exp                                         # OrExp
  ;

suffixedexp : primaryexp suffix* ;

primaryexp
  : NAME                  # NamePrimary
  | LPAREN exp RPAREN     # ParenPrimary
  ;

suffix
  : DOT NAME              # FieldSuffix
  | LBRACKET exp RBRACKET # IndexSuffix
  | COLON NAME args       # MethodSuffix
  | args                  # CallSuffix
  ;

args
  : LPAREN explist? RPAREN
  | tableconstructor
  | STRING
  ;

funcbody : LPAREN parlist? RPAREN block END ;

parlist
  : NAME (COMMA NAME)* (COMMA ELLIPSIS)?
  | ELLIPSIS
  ;

tableconstructor : LBRACE fieldlist? RBRACE ;

fieldlist : field (fieldsep field)* fieldsep? ;

field
  : LBRACKET exp RBRACKET ASSIGN exp # KeyedField
  | NAME ASSIGN exp                  # NamedField
  | exp                              # PositionalField
  ;

fieldsep : COMMA | SEMI ;
