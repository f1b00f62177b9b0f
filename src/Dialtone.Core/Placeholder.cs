namespace Dialtone.Core;
internal static class Placeholder;
