#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42
}

Describe 'Affiliate round trip' {
    Context 'five phones to 淘口令 and back' {
        BeforeAll {
            $items = @(Find-TbkItem -Keyword 手机 -First 5)
            $passwords = @($items | ConvertTo-TbkLink -AdzoneId 3000001 | New-TbkPassword)
            $resolved = @($passwords | Resolve-TbkPassword)
        }

        It 'finds five items with string ids and decimal prices' {
            $items.Count | Should -Be 5
            $items[0].ItemId | Should -BeOfType [string]
            $items[0].FinalPrice | Should -BeOfType [decimal]
        }

        It 'makes one 淘口令 per item' {
            $passwords.Count | Should -Be 5
            $passwords.Password | Should -Match '^￥[A-Za-z0-9]+￥$'
        }

        It 'resolves each 淘口令 to the same item' {
            $resolved.ItemId | Should -Be $items.ItemId
        }
    }

    Context 'bad inputs' {
        It 'names an unknown 淘口令 and goes on with the others' {
            $good = Find-TbkItem -Keyword 坚果 -First 1 | ConvertTo-TbkLink | New-TbkPassword
            $out = @('￥AAAAAAAAAAA￥', $good.Password | Resolve-TbkPassword -ErrorVariable failures -ErrorAction SilentlyContinue)
            $out.Count | Should -Be 1
            $failures[0].TargetObject | Should -Be '￥AAAAAAAAAAA￥'
        }

        It 'refuses a malformed PID with the expected shape' {
            { 'x' | ConvertTo-TbkLink -Pid mm_1_2 -ErrorAction Stop } | Should -Throw '*mm_<member>_<site>_<adzone>*'
        }

        It 'tells how to convert an old numeric item id' {
            Get-TbkItem 600000000042 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].Exception.Message | Should -BeLike '*ConvertTo-TbkItemId*'
        }
    }

    Context 'private-domain registration' {
        It 'registers a channel that the lookup then finds' {
            $channel = Get-TbkInviteCode -Kind Channel | Register-TbkPublisher -Note 'pester'
            (Get-TbkPublisher -Kind Channel -RelationId $channel.RelationId).Note | Should -Be 'pester'
        }
    }
}
