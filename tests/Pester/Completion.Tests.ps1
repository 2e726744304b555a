#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force

    # What a console user gets by pressing Tab at the end of the line.
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Tab completion at the console' {
    Context 'without a connection' {
        BeforeAll {
            Disconnect-TaobaoTop -ErrorAction SilentlyContinue
        }

        It 'completes API names from the catalog, with the Chinese title as tooltip' {
            $first = Get-Completion 'Invoke-TaobaoApi -Method taobao.tbk.tpwd.cr' | Select-Object -First 1
            $first.CompletionText | Should -Be 'taobao.tbk.tpwd.create'
            $first.ToolTip | Should -Match '淘口令'
        }

        It 'offers no category ids and writes no error' {
            $Error.Clear()
            @(Get-Completion 'Add-TaobaoItem -CategoryId 5').Count | Should -Be 0
            $Error.Count | Should -Be 0
        }
    }

    Context 'connected to the emulator' {
        BeforeAll {
            Connect-TaobaoTop -Emulator -Seed 42
        }

        It 'completes a category''s property names, and a property''s values' {
            $names = Get-Completion 'Get-TaobaoItemProperty -CategoryId 91000002 -Name '
            $names.CompletionText | Should -Contain '品牌'
            ($names | Where-Object CompletionText -eq '材质').ToolTip | Should -Match '必填.*棉'
            $values = Get-Completion 'Get-TaobaoItemProperty -CategoryId 91000002 -Name 尺码 -Value X'
            $values.CompletionText | Should -Be @('XS', 'XL', 'XXL', 'XXXL')
            (Get-Completion 'Receive-TaobaoMessage -Topic ItemS').CompletionText | Should -Be @('ItemSoldOut')
        }

        It 'completes category ids of the shop with their path as tooltip' {
            $tshirt = Get-Completion 'Add-TaobaoItem -CategoryId 5000043' | Where-Object CompletionText -eq '50000436'
            $tshirt | Should -Not -BeNullOrEmpty
            $tshirt.ToolTip | Should -Match 'T恤'
        }

        It 'completes the PIDs and adzones of the account, including one created just now' {
            $adzone = New-TbkAdzone -Name '小红书推广位'
            $null = New-TbkAdzone -Name '不会创建' -WhatIf
            $pids = (Get-Completion 'ConvertTo-TbkLink -Pid mm_').CompletionText
            $pids | Should -Be @('mm_1000001_2000001_3000001', $adzone.Pid)
            (Get-Completion 'Find-TbkItem -AdzoneId ').CompletionText | Should -Contain "$($adzone.AdzoneId)"
        }

        It 'completes enum values of typed parameters' {
            (Get-Completion 'Get-TbkOrder -QueryType ').CompletionText | Should -Contain 'Paid'
            (Get-Completion 'Connect-TaobaoTop -SignMethod ').CompletionText | Should -Contain 'hmac-sha256'
        }
    }

    AfterAll {
        Disconnect-TaobaoTop -ErrorAction SilentlyContinue
    }
}
