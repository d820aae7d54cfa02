using System.Text;

namespace Safeguard.Core.Matching;

/// <summary>
/// Lawrence Philips' Double Metaphone (C/C++ Users Journal, June 2000): a primary and an alternate code for how a
/// name may sound, so that Smith meets Schmidt and Katherine meets Kathryn. Written here from the published rules
/// because no package on the registry provides it. Codes are at most <see cref="MaxLength"/> characters, as in
/// the reference; "0" stands for the "th" sound and "X" for "sh"/"ch".
/// </summary>
public static class DoubleMetaphone
{
    public const int MaxLength = 4;

    public static (string Primary, string Alternate) Encode(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return ("", "");
        }
        var encoder = new Encoder(word.Trim().ToUpperInvariant());
        return encoder.Run();
    }

    private sealed class Encoder(string value)
    {
        private readonly string _value = value;
        private readonly int _last = value.Length - 1;
        private readonly bool _slavoGermanic = value.Contains('W', StringComparison.Ordinal) || value.Contains('K', StringComparison.Ordinal)
            || value.Contains("CZ", StringComparison.Ordinal) || value.Contains("WITZ", StringComparison.Ordinal);
        private readonly StringBuilder _primary = new(MaxLength);
        private readonly StringBuilder _alternate = new(MaxLength);

        public (string, string) Run()
        {
            // Silent first letters: Gnome, Knight, Pneumatic, Wright, Psmith.
            var i = At(0, "GN", "KN", "PN", "WR", "PS") ? 1 : 0;
            while (i <= _last && (_primary.Length < MaxLength || _alternate.Length < MaxLength))
            {
                i = Step(i);
            }
            return (_primary.ToString(), _alternate.ToString());
        }

        private int Step(int i)
        {
            var c = _value[i];
            switch (c)
            {
                case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                    if (i == 0)
                    {
                        Add("A");
                    }
                    return i + 1;
                case 'B':
                    Add("P");
                    return CharAt(i + 1) == 'B' ? i + 2 : i + 1;
                case 'Ç':
                    Add("S");
                    return i + 1;
                case 'C':
                    return C(i);
                case 'D':
                    return D(i);
                case 'F':
                    Add("F");
                    return CharAt(i + 1) == 'F' ? i + 2 : i + 1;
                case 'G':
                    return G(i);
                case 'H':
                    // Sounded only at the start before a vowel, or between two vowels.
                    if ((i == 0 || IsVowel(CharAt(i - 1))) && IsVowel(CharAt(i + 1)))
                    {
                        Add("H");
                        return i + 2;
                    }
                    return i + 1;
                case 'J':
                    return J(i);
                case 'K':
                    Add("K");
                    return CharAt(i + 1) == 'K' ? i + 2 : i + 1;
                case 'L':
                    return L(i);
                case 'M':
                    Add("M");
                    return CharAt(i + 1) == 'M' || (At(i - 1, "UMB") && (i + 1 == _last || At(i + 2, "ER"))) ? i + 2 : i + 1;
                case 'N':
                    Add("N");
                    return CharAt(i + 1) == 'N' ? i + 2 : i + 1;
                case 'Ñ':
                    Add("N");
                    return i + 1;
                case 'P':
                    if (CharAt(i + 1) == 'H')
                    {
                        Add("F");
                        return i + 2;
                    }
                    Add("P");
                    return CharAt(i + 1) is 'P' or 'B' ? i + 2 : i + 1;
                case 'Q':
                    Add("K");
                    return CharAt(i + 1) == 'Q' ? i + 2 : i + 1;
                case 'R':
                    // French endings: Rogier → primary without R.
                    if (i == _last && !_slavoGermanic && At(i - 2, "IE") && !At(i - 4, "ME", "MA"))
                    {
                        Add("", "R");
                    }
                    else
                    {
                        Add("R");
                    }
                    return CharAt(i + 1) == 'R' ? i + 2 : i + 1;
                case 'S':
                    return S(i);
                case 'T':
                    return T(i);
                case 'V':
                    Add("F");
                    return CharAt(i + 1) == 'V' ? i + 2 : i + 1;
                case 'W':
                    return W(i);
                case 'X' when i == 0:
                    Add("S"); // Xavier
                    return 1;
                case 'X':
                    // French silent final X: Breaux.
                    if (!(i == _last && (At(i - 3, "IAU", "EAU") || At(i - 2, "AU", "OU"))))
                    {
                        Add("KS");
                    }
                    return CharAt(i + 1) is 'C' or 'X' ? i + 2 : i + 1;
                case 'Z':
                    return Z(i);
                default:
                    return i + 1;
            }
        }

        private int C(int i)
        {
            // Various Germanic: "bacher", "macher", "chianti".
            if (i > 1 && !IsVowel(CharAt(i - 2)) && At(i - 1, "ACH") && (CharAt(i + 2) is not ('I' or 'E') || At(i - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return i + 2;
            }
            if (i == 0 && At(i, "CAESAR"))
            {
                Add("S");
                return i + 2;
            }
            if (At(i, "CHIA"))
            {
                Add("K");
                return i + 2;
            }
            if (At(i, "CH"))
            {
                return Ch(i);
            }
            if (At(i, "CZ") && !At(i - 2, "WICZ"))
            {
                Add("S", "X");
                return i + 2;
            }
            if (At(i + 1, "CIA"))
            {
                Add("X");
                return i + 3;
            }
            if (At(i, "CC") && !(i == 1 && CharAt(0) == 'M'))
            {
                if (CharAt(i + 2) is 'I' or 'E' or 'H' && !At(i + 2, "HU"))
                {
                    // "accident", "succeed" sound KS; Italian "bacci" sounds X.
                    Add((i == 1 && CharAt(0) == 'A') || At(i - 1, "UCCEE", "UCCES") ? "KS" : "X");
                    return i + 3;
                }
                Add("K");
                return i + 2;
            }
            if (At(i, "CK", "CG", "CQ"))
            {
                Add("K");
                return i + 2;
            }
            if (At(i, "CI", "CE", "CY"))
            {
                if (At(i, "CIO", "CIE", "CIA"))
                {
                    Add("S", "X");
                }
                else
                {
                    Add("S");
                }
                return i + 2;
            }
            Add("K");
            if (At(i + 1, " C", " Q", " G"))
            {
                return i + 3; // Mac Caffrey, Mac Gregor
            }
            return CharAt(i + 1) is 'C' or 'K' or 'Q' && !At(i + 1, "CE", "CI") ? i + 2 : i + 1;
        }

        private int Ch(int i)
        {
            if (i > 0 && At(i, "CHAE"))
            {
                Add("K", "X"); // Michael
                return i + 2;
            }
            if (i == 0 && (At(i + 1, "HARAC", "HARIS") || At(i + 1, "HOR", "HYM", "HIA", "HEM")) && !At(0, "CHORE"))
            {
                Add("K"); // Greek roots: chorus, chemistry
                return i + 2;
            }
            var germanic = At(0, "VAN ", "VON ") || At(0, "SCH")
                || At(i - 2, "ORCHES", "ARCHIT", "ORCHID")
                || CharAt(i + 2) is 'T' or 'S'
                || ((CharAt(i - 1) is 'A' or 'O' or 'U' or 'E' || i == 0)
                    && (CharAt(i + 2) is 'L' or 'R' or 'N' or 'M' or 'B' or 'H' or 'F' or 'V' or 'W' or ' ' || i + 1 == _last));
            if (germanic)
            {
                Add("K");
            }
            else if (i > 0)
            {
                if (At(0, "MC"))
                {
                    Add("K");
                }
                else
                {
                    Add("X", "K");
                }
            }
            else
            {
                Add("X");
            }
            return i + 2;
        }

        private int D(int i)
        {
            if (At(i, "DG"))
            {
                if (CharAt(i + 2) is 'I' or 'E' or 'Y')
                {
                    Add("J"); // edge
                    return i + 3;
                }
                Add("TK"); // Edgar
                return i + 2;
            }
            Add("T");
            return At(i, "DT", "DD") ? i + 2 : i + 1;
        }

        private int G(int i)
        {
            var next = CharAt(i + 1);
            if (next == 'H')
            {
                return Gh(i);
            }
            if (next == 'N')
            {
                if (i == 1 && IsVowel(CharAt(0)) && !_slavoGermanic)
                {
                    Add("KN", "N");
                }
                else if (!At(i + 2, "EY") && !_slavoGermanic)
                {
                    Add("N", "KN");
                }
                else
                {
                    Add("KN");
                }
                return i + 2;
            }
            if (At(i + 1, "LI") && !_slavoGermanic)
            {
                Add("KL", "L"); // tagliaro
                return i + 2;
            }
            if (i == 0 && (next == 'Y' || At(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return i + 2;
            }
            if ((At(i + 1, "ER") || next == 'Y') && !At(0, "DANGER", "RANGER", "MANGER")
                && CharAt(i - 1) is not ('E' or 'I') && !At(i - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return i + 2;
            }
            if (next is 'E' or 'I' or 'Y' || At(i - 1, "AGGI", "OGGI"))
            {
                if (At(0, "VAN ", "VON ") || At(0, "SCH") || At(i + 1, "ET"))
                {
                    Add("K");
                }
                else if (At(i + 1, "IER"))
                {
                    Add("J");
                }
                else
                {
                    Add("J", "K");
                }
                return i + 2;
            }
            Add("K");
            return next == 'G' ? i + 2 : i + 1;
        }

        private int Gh(int i)
        {
            if (i > 0 && !IsVowel(CharAt(i - 1)))
            {
                Add("K");
                return i + 2;
            }
            if (i == 0)
            {
                Add(CharAt(i + 2) == 'I' ? "J" : "K"); // ghislane, ghost
                return i + 2;
            }
            // Parker's rule: "hugh", "bough", "broughton" are silent.
            if ((i > 1 && CharAt(i - 2) is 'B' or 'H' or 'D') || (i > 2 && CharAt(i - 3) is 'B' or 'H' or 'D') || (i > 3 && CharAt(i - 4) is 'B' or 'H'))
            {
                return i + 2;
            }
            if (i > 2 && CharAt(i - 1) == 'U' && CharAt(i - 3) is 'C' or 'G' or 'L' or 'R' or 'T')
            {
                Add("F"); // laugh, McLaughlin, cough, rough
            }
            else if (CharAt(i - 1) != 'I')
            {
                Add("K");
            }
            return i + 2;
        }

        private int J(int i)
        {
            if (At(i, "JOSE") || At(0, "SAN "))
            {
                if ((i == 0 && CharAt(i + 4) == ' ') || _value.Length == 4 || At(0, "SAN "))
                {
                    Add("H");
                }
                else
                {
                    Add("J", "H");
                }
                return i + 1;
            }
            if (i == 0)
            {
                Add("J", "A"); // Yankelovich / Jankelowicz
            }
            else if (IsVowel(CharAt(i - 1)) && !_slavoGermanic && CharAt(i + 1) is 'A' or 'O')
            {
                Add("J", "H"); // Spanish pronunciation of e.g. "bajador"
            }
            else if (i == _last)
            {
                Add("J", "");
            }
            else if (CharAt(i + 1) is not ('L' or 'T' or 'K' or 'S' or 'N' or 'M' or 'B' or 'Z') && CharAt(i - 1) is not ('S' or 'K' or 'L'))
            {
                Add("J");
            }
            return CharAt(i + 1) == 'J' ? i + 2 : i + 1;
        }

        private int L(int i)
        {
            if (CharAt(i + 1) != 'L')
            {
                Add("L");
                return i + 1;
            }
            // Spanish "cabrillo", "gallegos": the alternate has no L.
            var spanish = (i == _value.Length - 3 && At(i - 1, "ILLO", "ILLA", "ALLE"))
                || ((At(_value.Length - 2, "AS", "OS") || CharAt(_last) is 'A' or 'O') && At(i - 1, "ALLE"));
            if (spanish)
            {
                Add("L", "");
            }
            else
            {
                Add("L");
            }
            return i + 2;
        }

        private int S(int i)
        {
            if (At(i - 1, "ISL", "YSL"))
            {
                return i + 1; // island, carlisle
            }
            if (i == 0 && At(i, "SUGAR"))
            {
                Add("X", "S");
                return i + 1;
            }
            if (At(i, "SH"))
            {
                Add(At(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
                return i + 2;
            }
            if (At(i, "SIO", "SIA") || At(i, "SIAN"))
            {
                if (_slavoGermanic)
                {
                    Add("S");
                }
                else
                {
                    Add("S", "X");
                }
                return i + 3;
            }
            // Anglicisations of German: Smith meets Schmidt, Snider meets Schneider; Slavic -sz-.
            if ((i == 0 && CharAt(i + 1) is 'M' or 'N' or 'L' or 'W') || CharAt(i + 1) == 'Z')
            {
                Add("S", "X");
                return CharAt(i + 1) == 'Z' ? i + 2 : i + 1;
            }
            if (At(i, "SC"))
            {
                return Sc(i);
            }
            if (i == _last && At(i - 2, "AI", "OI"))
            {
                Add("", "S"); // French: Artois
            }
            else
            {
                Add("S");
            }
            return CharAt(i + 1) is 'S' or 'Z' ? i + 2 : i + 1;
        }

        private int Sc(int i)
        {
            if (CharAt(i + 2) == 'H')
            {
                if (At(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                {
                    if (At(i + 3, "ER", "EN"))
                    {
                        Add("X", "SK"); // Schenker
                    }
                    else
                    {
                        Add("SK"); // school
                    }
                }
                else if (i == 0 && !IsVowel(CharAt(3)) && CharAt(3) != 'W')
                {
                    Add("X", "S"); // Schmidt
                }
                else
                {
                    Add("X");
                }
                return i + 3;
            }
            Add(CharAt(i + 2) is 'I' or 'E' or 'Y' ? "S" : "SK");
            return i + 3;
        }

        private int T(int i)
        {
            if (At(i, "TION") || At(i, "TIA", "TCH"))
            {
                Add("X");
                return i + 3;
            }
            if (At(i, "TH") || At(i, "TTH"))
            {
                if (At(i + 2, "OM", "AM") || At(0, "VAN ", "VON ") || At(0, "SCH"))
                {
                    Add("T"); // Thomas, Thames
                }
                else
                {
                    Add("0", "T");
                }
                return i + 2;
            }
            Add("T");
            return CharAt(i + 1) is 'T' or 'D' ? i + 2 : i + 1;
        }

        private int W(int i)
        {
            if (At(i, "WR"))
            {
                Add("R");
                return i + 2;
            }
            if (i == 0 && (IsVowel(CharAt(i + 1)) || At(i, "WH")))
            {
                // Wasserman meets Vasserman; Uomo meets Womo.
                Add("A", IsVowel(CharAt(i + 1)) ? "F" : "A");
                return i + 1;
            }
            if ((i == _last && IsVowel(CharAt(i - 1))) || At(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || At(0, "SCH"))
            {
                Add("", "F"); // Arnow meets Arnoff
                return i + 1;
            }
            if (At(i, "WICZ", "WITZ"))
            {
                Add("TS", "FX"); // Polish: Filipowicz
                return i + 4;
            }
            return i + 1;
        }

        private int Z(int i)
        {
            if (CharAt(i + 1) == 'H')
            {
                Add("J"); // Chinese pinyin: Zhao
                return i + 2;
            }
            if (At(i + 1, "ZO", "ZI", "ZA") || (_slavoGermanic && i > 0 && CharAt(i - 1) != 'T'))
            {
                Add("S", "TS");
            }
            else
            {
                Add("S");
            }
            return CharAt(i + 1) == 'Z' ? i + 2 : i + 1;
        }

        private void Add(string both) => Add(both, both);

        private void Add(string primary, string alternate)
        {
            Append(_primary, primary);
            Append(_alternate, alternate);
        }

        private static void Append(StringBuilder code, string part)
        {
            var room = MaxLength - code.Length;
            if (room > 0)
            {
                code.Append(part.AsSpan(0, Math.Min(room, part.Length)));
            }
        }

        private char CharAt(int i) => i >= 0 && i <= _last ? _value[i] : '\0';

        private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

        // True when one of the options occurs at position start (options may differ in length).
        private bool At(int start, params ReadOnlySpan<string> options)
        {
            if (start < 0)
            {
                return false;
            }
            foreach (var option in options)
            {
                if (start + option.Length <= _value.Length && string.CompareOrdinal(_value, start, option, 0, option.Length) == 0)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
