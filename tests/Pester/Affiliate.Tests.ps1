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

        It 'finds five phones with string ids and decimal prices' {
            $items.Count | Should -Be 5
            $items | ForEach-Object { "$($_.Title)$($_.CategoryName)$($_.LevelOneCategoryName)" | Should -Match '手机' }
            $items[0].ItemId | Should -BeOfType [string]
            $items[0].FinalPrice | Should -BeOfType [decimal]
        }

        It 'makes a different 淘口令 for each item' {
            $passwords.Count | Should -Be 5
            $passwords.Password | Should -Match '^￥[A-Za-z0-9]{8,14}￥$'
            ($passwords.Password | Sort-Object -Unique).Count | Should -Be 5
        }

        It 'resolves each 淘口令 to the same item, on the promoter''s own link' {
            $resolved.ItemId | Should -Be $items.ItemId
            $resolved.Url | Should -Match 'pid=mm_1000001_2000001_3000001'
        }
    }

    Context 'bad inputs' {
        It 'names an unknown 淘口令 and goes on with the others' {
            $good = Find-TbkItem -Keyword 坚果 -First 1 | ConvertTo-TbkLink | New-TbkPassword
            $out = @('￥AAAAAAAAAAA￥', $good.Password | Resolve-TbkPassword -ErrorVariable failures -ErrorAction SilentlyContinue)
            $out.Count | Should -Be 1
            $failures[0].TargetObject | Should -Be '￥AAAAAAAAAAA￥'
        }

        It 'refuses a malformed PID with the expected shape, before any call' {
            $before = (Get-TaobaoTopContext).Calls
            $refused = { 'x' | ConvertTo-TbkLink -Pid mm_1000001_3000001 -ErrorAction Stop } | Should -Throw -PassThru
            $refused.Exception.Message | Should -BeLike "*'mm_1000001_3000001'*mm_<member>_<site>_<adzone>*"
            (Get-TaobaoTopContext).Calls | Should -Be $before
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
