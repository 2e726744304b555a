using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;

namespace TaobaoTop.Base
{
    /// <summary>
    /// The columns of a record from Import-Csv or [pscustomobject], in order. PSObject.Properties first builds the
    /// psbase/psextended/psadapted members of every object it lists: about 40 µs a row, most of a -WhatIf run.
    /// </summary>
    internal static class RecordProperties
    {
        // A record's own note properties are PSObject.InstanceMembers, internal in Windows PowerShell 5.1 and in 7 alike;
        // should a version lack it, the public listing is used.
        private static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? InstanceMembers = FindInstanceMembers();

        public static bool IsFast => InstanceMembers != null;

        public static IEnumerable<PSPropertyInfo> Of(PSObject record)
        {
            // Members that type data (Update-TypeData) gives a custom type name are not columns of a sheet: left out, as
            // reading the type names alone costs half the saving.
            if (InstanceMembers is null || !(record.BaseObject is PSCustomObject)) return record.Properties;
            return Own(InstanceMembers(record));
        }

        private static IEnumerable<PSPropertyInfo> Own(PSMemberInfoCollection<PSMemberInfo> members)
        {
            foreach (var member in members)
            {
                // Leaves out what PowerShell adds to every object it has listed once: the psbase … member sets and pstypenames.
                if (member is PSPropertyInfo property && !(member is PSCodeProperty && string.Equals(member.Name, "pstypenames", StringComparison.OrdinalIgnoreCase)))
                    yield return property;
            }
        }

        private static Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? FindInstanceMembers()
        {
            var getter = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
            if (getter is null || !typeof(PSMemberInfoCollection<PSMemberInfo>).IsAssignableFrom(getter.ReturnType)) return null;
            return (Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>)Delegate.CreateDelegate(typeof(Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>), getter);
        }
    }
}
